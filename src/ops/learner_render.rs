//! The render of a learner repo for a given state: root files, the state's days, and bec.toml.

use serde_json::{Value, json};

use crate::course::Course;
use crate::date::Timestamp;
use crate::day_id::day_dir;
use crate::error::UserError;
use crate::regions::Variant;
use crate::render::{self, RenderPlan, RenderedFile, RenderedTree};
use crate::state::{STATE_FILE, State};

/// The variables every template sees.
pub fn template_context(course: &Course, state: &State, date: Timestamp) -> Value {
    let days: Vec<Value> = state
        .days()
        .into_iter()
        .filter_map(|n| course.manifest.day(n))
        .map(|d| json!({ "number": d.number, "dir": day_dir(d.number), "title": d.title, "week": d.week, "slug": d.slug }))
        .collect();
    let mut context = json!({
        "course": { "id": course.id(), "title": course.manifest.course.title, "version": course.version() },
        "first_day": state.first_day,
        "current_day": state.current_day,
        "days": days,
        "date": date.date_string(),
    });
    let map = context.as_object_mut().expect("a JSON object");
    for (name, answer) in &state.answers {
        map.entry(name.clone()).or_insert_with(|| Value::String(answer.clone()));
    }
    context
}

/// Renders the repo a learner in `state` has: root files, their days, and the pristine bec.toml.
pub fn render_learner_repo(
    course: &Course,
    state: &State,
    variant: Variant,
    date: Timestamp,
) -> Result<RenderedTree, UserError> {
    render_learner_tree(course, state, variant, date).map_err(render::combine)
}

/// [`render_learner_repo`] with every problem found, for `bec course check`.
pub fn render_learner_tree(
    course: &Course,
    state: &State,
    variant: Variant,
    date: Timestamp,
) -> Result<RenderedTree, Vec<UserError>> {
    let plan = RenderPlan {
        days: state.days(),
        variant,
        context: template_context(course, state, date),
    };
    let mut tree = render::render(course, &plan)?;
    tree.insert(
        STATE_FILE.to_string(),
        RenderedFile {
            bytes: state.to_toml().into_bytes(),
            executable: false,
        },
    );
    Ok(tree)
}
