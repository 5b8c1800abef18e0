from tests.openapi_tools import load_committed_spec


def test_swagger_ui_is_served_at_docs_and_loads_the_apps_spec(client):
    page = client.get("/docs")
    assert page.status_code == 200, f"GET /docs answered {page.status_code}: serve Swagger UI there"
    assert page.headers["content-type"].startswith("text/html")
    assert "swagger-ui" in page.text.lower(), "/docs is not a Swagger UI page"
    assert "/openapi.json" in page.text, "Swagger UI must load the app's own /openapi.json"

    served = client.get("/openapi.json")
    assert served.status_code == 200
    assert served.json() == load_committed_spec(), (
        "/openapi.json differs from the committed openapi.json: run `python -m shop.spec`"
    )
