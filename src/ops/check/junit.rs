//! Reads the JUnit XML report pytest writes with `--junitxml` (asked for with
//! `-o junit_family=xunit1`, whose `file` attribute gives each test's file): per-test outcomes,
//! the failure message and traceback, and modules that could not be collected.

use super::{Outcome, TestResult};

/// A test module pytest could not import, so none of its tests ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionError {
    /// `tests/test_app.py`.
    pub file: String,
    /// The exception line: `ModuleNotFoundError: No module named 'fastapi'`.
    pub error: String,
    /// Everything pytest said about it.
    pub text: String,
}

/// What the report holds.
#[derive(Debug, Default)]
pub struct JunitReport {
    pub tests: Vec<TestResult>,
    pub collection_errors: Vec<CollectionError>,
}

/// Parses pytest's report; `Err` names what is wrong with the XML.
pub fn parse(xml: &str) -> Result<JunitReport, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
    let mut report = JunitReport::default();
    for case in doc.descendants().filter(|n| n.has_tag_name("testcase")) {
        let file = case.attribute("file").unwrap_or("");
        let classname = case.attribute("classname").unwrap_or("");
        let name = case.attribute("name").unwrap_or("");
        let child = |tag: &str| case.children().find(|n| n.has_tag_name(tag));
        let failure = child("failure");
        let error = child("error");
        let skipped = child("skipped");
        if let Some(error) = error.filter(|e| classname.is_empty() || is_collection(e)) {
            let text = error.text().unwrap_or("").to_string();
            report.collection_errors.push(CollectionError {
                file: if file.is_empty() {
                    module_file(name)
                } else {
                    file.to_string()
                },
                error: exception_line(&text).unwrap_or_else(|| error.attribute("message").unwrap_or("").to_string()),
                text,
            });
            continue;
        }
        let (outcome, node) = match (failure, error, skipped) {
            (Some(node), _, _) => (Outcome::Failed, Some(node)),
            (None, Some(node), _) => (Outcome::Error, Some(node)),
            (None, None, Some(node)) => (Outcome::Skipped, Some(node)),
            (None, None, None) => (Outcome::Passed, None),
        };
        report.tests.push(TestResult {
            name: node_id(file, classname, name),
            outcome,
            detail: node
                .and_then(|n| n.attribute("message"))
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
                .to_string(),
            traceback: node.and_then(|n| n.text()).unwrap_or("").to_string(),
        });
    }
    Ok(report)
}

fn is_collection(error: &roxmltree::Node) -> bool {
    error.attribute("message") == Some("collection failure")
}

/// `tests.test_app` → `tests/test_app.py`, for reports without a `file` attribute.
fn module_file(dotted: &str) -> String {
    format!("{}.py", dotted.replace('.', "/"))
}

/// pytest's node id: `tests/test_app.py::TestClass::test_x[param]`.
fn node_id(file: &str, classname: &str, name: &str) -> String {
    if file.is_empty() {
        return if classname.is_empty() {
            name.to_string()
        } else {
            format!("{classname}::{name}")
        };
    }
    let module = file.trim_end_matches(".py").replace(['/', '\\'], ".");
    let classes = classname
        .strip_prefix(module.as_str())
        .map(|rest| rest.trim_start_matches('.'))
        .unwrap_or("");
    let mut id = file.replace('\\', "/");
    for class in classes.split('.').filter(|c| !c.is_empty()) {
        id.push_str("::");
        id.push_str(class);
    }
    id.push_str("::");
    id.push_str(name);
    id
}

/// The last `E   SomeError: why` line of a pytest traceback, without the `E`.
fn exception_line(text: &str) -> Option<String> {
    text.lines()
        .rev()
        .find_map(|line| line.strip_prefix('E').filter(|rest| rest.starts_with(' ')))
        .map(|rest| rest.trim().to_string())
        .filter(|line| !line.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: &str = r#"<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="2" skipped="1" tests="5"><testcase classname="tests.test_x" name="test_a" file="tests/test_x.py" line="3" time="0.000"><failure message="NotImplementedError: TODO">def test_a():
&gt;       assert add(1,2)==3

app.py:2: NotImplementedError</failure></testcase><testcase classname="tests.test_x.TestK" name="test_b[1-2]" file="tests/test_x.py" line="7" time="0.000"><failure message="assert 1 == 2">E       assert 1 == 2</failure></testcase><testcase classname="tests.test_x" name="test_s" file="tests/test_x.py" line="10" time="0.000"><skipped type="pytest.skip" message="later">tests/test_x.py:11: later</skipped></testcase><testcase classname="tests.test_z" name="test_f" file="tests/test_z.py" line="4"><error message="failed on setup with &quot;RuntimeError: boom&quot;">E       RuntimeError: boom</error></testcase><testcase classname="tests.test_x" name="test_ok" file="tests/test_x.py" line="14" time="0.000" /></testsuite></testsuites>"#;

    #[test]
    fn reads_outcomes_node_ids_and_tracebacks() {
        let report = parse(RUN).unwrap();
        let names: Vec<_> = report.tests.iter().map(|t| (t.name.as_str(), t.outcome)).collect();
        assert_eq!(
            names,
            [
                ("tests/test_x.py::test_a", Outcome::Failed),
                ("tests/test_x.py::TestK::test_b[1-2]", Outcome::Failed),
                ("tests/test_x.py::test_s", Outcome::Skipped),
                ("tests/test_z.py::test_f", Outcome::Error),
                ("tests/test_x.py::test_ok", Outcome::Passed),
            ]
        );
        assert_eq!(report.tests[0].detail, "NotImplementedError: TODO");
        assert!(report.tests[0].traceback.contains(">       assert add(1,2)==3"));
        assert_eq!(report.tests[2].detail, "later");
        assert!(report.collection_errors.is_empty());
    }

    #[test]
    fn an_import_error_is_a_collection_error_not_a_failing_test() {
        let xml = r#"<testsuites><testsuite errors="1" tests="1"><testcase classname="" name="tests.test_y" file="tests/test_y.py" time="0.000"><error message="collection failure">ImportError while importing test module '/x/tests/test_y.py'.
Traceback:
tests/test_y.py:1: in &lt;module&gt;
    import nosuchmod
E   ModuleNotFoundError: No module named 'nosuchmod'</error></testcase></testsuite></testsuites>"#;
        let report = parse(xml).unwrap();
        assert!(report.tests.is_empty());
        assert_eq!(
            report.collection_errors,
            [CollectionError {
                file: "tests/test_y.py".into(),
                error: "ModuleNotFoundError: No module named 'nosuchmod'".into(),
                text: report.collection_errors[0].text.clone(),
            }]
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(parse("<testsuites><testcase").is_err());
    }
}
