"""The OpenAPI document: valid OpenAPI 3.1, served at /api/schema, and naming every error code."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from api.errors import STATUS_OF_CLASS, RequestError
from api.schema import openapi_schema
from common.errors import ServiceError


def _all_error_codes(schema: dict[str, Any]) -> set[str]:
    schemas = schema["components"]["schemas"]
    return {
        code
        for name, s in schemas.items()
        if name.startswith("Error")
        for code in s["properties"]["error"]["enum"]
    }


def errors_of(schema: dict[str, Any], status: int) -> list[str]:
    return list(schema["components"]["schemas"][f"Error{status}"]["properties"]["error"]["enum"])


def test_the_schema_is_valid_openapi_3_1() -> None:
    schema = openapi_schema()
    assert schema["openapi"].startswith("3.1")
    validate(schema)


def test_the_validator_would_catch_a_broken_schema() -> None:
    broken = {**openapi_schema(), "paths": {"/x": {"get": {"responses": {"200": {}}}}}}
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


def test_every_error_code_the_services_can_raise_is_in_the_schema() -> None:
    documented = _all_error_codes(openapi_schema())
    error_classes: tuple[type[ServiceError], ...] = (RequestError, *STATUS_OF_CLASS)
    for error_class in error_classes:
        assert set(error_class.messages) <= documented, error_class.__name__


def test_each_error_status_of_an_operation_has_its_error_schema() -> None:
    schema = openapi_schema()
    cast = schema["paths"]["/v1/editions/{slug}/ballots"]["post"]["responses"]
    assert set(cast) == {"200", "201", "400", "403", "404", "405", "409", "413", "422", "429", "503"}
    for path in schema["paths"].values():  # an outage answers every operation but the schema's own
        for operation in (value for value in path.values() if isinstance(value, dict)):
            assert ("503" in operation["responses"]) == (operation["operationId"] != "getSchema")
    assert "Retry-After" in cast["503"]["headers"]
    assert errors_of(schema, 503) == ["service_unavailable"]
    errors = schema["components"]["schemas"]
    assert "too_many_attempts" in errors["Error429"]["properties"]["error"]["enum"]
    assert "too_many_attempts" not in errors["Error403"]["properties"]["error"]["enum"]
    assert {"over_budget", "too_many_plans", "wrong_format"} <= set(
        errors["Error422"]["properties"]["error"]["enum"]
    )


def test_the_schema_endpoint_serves_the_document() -> None:
    response = Client().get("/api/schema")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == openapi_schema()


def test_the_cast_documents_its_idempotency_key_and_the_replayed_header() -> None:
    schema = openapi_schema()
    cast = schema["paths"]["/v1/editions/{slug}/ballots"]["post"]
    (key,) = [p for p in cast["parameters"] if p["name"] == "Idempotency-Key"]
    assert key["in"] == "header" and key["required"] is False and key["schema"]["maxLength"] == 255
    for status in ("200", "201"):
        assert "Idempotent-Replayed" in cast["responses"][status]["headers"]
    assert "Retry-After" in cast["responses"]["409"]["headers"]
    errors = schema["components"]["schemas"]
    assert "bad_idempotency_key" in errors["Error400"]["properties"]["error"]["enum"]
    assert "idempotency_key_in_use" in errors["Error409"]["properties"]["error"]["enum"]
    assert "idempotency_key_reused" in errors["Error422"]["properties"]["error"]["enum"]
