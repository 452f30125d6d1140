"""The OpenAPI 3.1 description served at ``/openapi.json``.

Written out rather than generated: it is the contract other newsroom tools build against,
and the tests check both ways that it matches the routes and that real responses validate
against its schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12).
"""

from __future__ import annotations

from typing import Any

_ERROR = {
    "type": "object",
    "required": ["error", "status"],
    "properties": {
        "error": {"type": "string", "description": "one line naming the problem"},
        "status": {"type": "integer"},
        "field": {"type": "string", "description": "the request field the error is about"},
    },
}

_MENTION = {
    "type": "object",
    "description": "An amount as found in the prose numcheck read (start/end: offsets in that prose, markup dropped)",
    "required": ["text", "start", "end", "value", "unit", "kind"],
    "properties": {
        "text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"},
        "value": {"type": "number"}, "value_max": {"type": ["number", "null"]},
        "unit": {"type": ["string", "null"]}, "kind": {"type": "string"},
        "hedge": {"type": ["string", "null"]}, "hedge_text": {"type": ["string", "null"]},
        "hedge_start": {"type": ["integer", "null"]}, "candidates": {"type": "array", "items": {"type": "string"}},
    },
}

_RATE = {
    "type": "object",
    "required": ["base", "quote", "value", "date", "provider"],
    "properties": {
        "base": {"type": "string"}, "quote": {"type": "string"},
        "value": {"type": "number", "description": "how many quote one base buys"},
        "date": {"type": ["string", "null"], "format": "date", "description": "the day whose published rate was used"},
        "provider": {"type": "string"},
        "requested": {"type": ["string", "null"], "description": "the day asked for"},
        "note": {"type": ["string", "null"], "description": "why the day differs, in an editor's words"},
    },
}

_OFFSETS = {
    "type": "object",
    "description": "Offsets in the text as sent (Unicode code points, end exclusive)",
    "required": ["start", "end", "claim_start", "claim_end"],
    "properties": {
        "start": {"type": "integer", "description": "the stated figure: what a suggestion replaces"},
        "end": {"type": "integer"},
        "hedge_start": {"type": ["integer", "null"], "description": "the writer's hedge in front of it"},
        "claim_start": {"type": "integer", "description": "the whole claim, both figures"},
        "claim_end": {"type": "integer"},
    },
}

_FINDING = {
    "type": "object",
    "required": ["kind", "verdict", "line", "column", "source", "target", "message", "suggestion", "offsets"],
    "properties": {
        "kind": {"type": "string", "description": "money, unit, …"},
        "verdict": {"enum": ["consistent", "inconsistent", "unverifiable", "ambiguous"]},
        "line": {"type": "integer"}, "column": {"type": "integer"},
        "source": {"$ref": "#/components/schemas/Mention"},
        "target": {"$ref": "#/components/schemas/Mention"},
        "expected": {"type": ["number", "null"]}, "expected_max": {"type": ["number", "null"]},
        "deviation": {"type": ["number", "null"]}, "tolerance": {"type": ["number", "null"]},
        "rate": {"oneOf": [{"$ref": "#/components/schemas/Rate"}, {"type": "null"}]},
        "message": {"type": "string"},
        "suggestion": {"type": ["string", "null"], "description": "a corrected figure written like the original (\"≈ 3 billion kronor\")"},
        "cue": {"type": "string"}, "notes": {"type": "array", "items": {"type": "string"}},
        "severity": {"enum": ["error", "warning", "note", "none"]},
        "fingerprint": {"type": ["string", "null"]},
        "suppressed": {"type": ["string", "null"]}, "baseline": {"type": "boolean"},
        "offsets": {"$ref": "#/components/schemas/Offsets"},
    },
}

_REPORT = {
    "type": "object",
    "description": "The document `numcheck check --format json` writes, for one text",
    "required": ["files", "summary"],
    "properties": {
        "files": {
            "type": "array", "minItems": 1, "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["path", "date", "lang", "ok", "findings", "notes", "length"],
                "properties": {
                    "path": {"type": "string"}, "date": {"type": ["string", "null"]}, "lang": {"type": "string"},
                    "ok": {"type": "boolean"}, "notes": {"type": "array", "items": {"type": "string"}},
                    "length": {"type": "integer", "description": "code points in the text as sent"},
                    "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                },
            },
        },
        "summary": {
            "type": "object",
            "required": ["claims", "consistent", "inconsistent", "unverifiable", "ambiguous"],
            "properties": {k: {"type": "integer"} for k in (
                "files", "articles", "errors", "claims", "consistent", "inconsistent", "unverifiable", "ambiguous",
                "suppressed", "baseline")},
        },
    },
}

_CHECK_REQUEST = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "the copy; front matter (date, lang) is read"},
        "date": {"type": ["string", "null"], "format": "date", "description": "the article's date; default: front matter, else the latest rates"},
        "lang": {"type": ["string", "null"], "description": "en, sv, de-CH …; empty or \"auto\": guessed"},
        "tolerance": {"type": ["number", "string", "null"], "description": "relative drift allowed on top of rounding (default 0.03)"},
        "rates": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}],
                  "description": "rate providers in order, among those the server enabled"},
        "format": {"enum": ["plain", "markdown", "html", None], "default": "plain"},
    },
}

_LT_MATCH = {
    "type": "object",
    "required": ["message", "shortMessage", "offset", "length", "replacements", "context", "sentence", "rule"],
    "properties": {
        "message": {"type": "string"}, "shortMessage": {"type": "string"},
        "offset": {"type": "integer", "description": "UTF-16 code units, as LanguageTool counts"},
        "length": {"type": "integer"},
        "replacements": {"type": "array", "items": {"type": "object", "required": ["value"], "properties": {"value": {"type": "string"}}}},
        "context": {"type": "object", "required": ["text", "offset", "length"],
                    "properties": {"text": {"type": "string"}, "offset": {"type": "integer"}, "length": {"type": "integer"}}},
        "sentence": {"type": "string"},
        "rule": {"type": "object", "required": ["id", "description", "issueType", "category"],
                 "properties": {"id": {"type": "string", "description": "NUMCHECK_<KIND>_<VERDICT>"},
                                "description": {"type": "string"}, "issueType": {"type": "string"},
                                "category": {"type": "object", "properties": {"id": {"const": "numcheck"}, "name": {"type": "string"}}}}},
    },
}

_LT_RESPONSE = {
    "type": "object",
    "required": ["software", "language", "matches"],
    "properties": {
        "software": {"type": "object"}, "warnings": {"type": "object"}, "language": {"type": "object"},
        "matches": {"type": "array", "items": {"$ref": "#/components/schemas/LanguageToolMatch"}},
    },
}


def _json(schema: str) -> dict:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _err(desc: str) -> dict:
    return {"description": desc, **_json("Error")}


def spec(version: str, engine: Any = None) -> dict:
    langs = list(getattr(engine, "languages", ()))
    rates = list(getattr(engine, "rates", ()))
    common = {"400": _err("a bad field (date, language, tolerance, rates, format) or body"),
              "401": _err("the server requires a bearer token"), "413": _err("the body is over the server's limit"),
              "503": _err("the check took longer than the server's time limit")}
    return {
        "openapi": "3.1.0",
        "info": {"title": "numcheck", "version": version,
                 "description": "Checks the conversions and figures stated in news copy. Languages: "
                                + ", ".join(langs) + ". Rate providers enabled: " + ", ".join(rates) + "."},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": _ERROR, "Mention": _MENTION, "Rate": _RATE, "Offsets": _OFFSETS, "Finding": _FINDING,
                "Report": _REPORT, "CheckRequest": _CHECK_REQUEST, "LanguageToolMatch": _LT_MATCH,
                "LanguageToolResponse": _LT_RESPONSE,
            },
        },
        "security": [{}, {"bearer": []}],
        "paths": {
            "/": {"get": {"summary": "The page where editors paste copy", "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
            "/healthz": {"get": {"summary": "Liveness, version, languages and rate data in use",
                                 "responses": {"200": {"description": "ok", "content": {"application/json": {}}}}}},
            "/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
            "/api/check": {"post": {
                "summary": "Check a text: the `numcheck check --format json` document, with offsets",
                "requestBody": {"required": True, **_json("CheckRequest")},
                "responses": {"200": {"description": "the report", **_json("Report")}, **common,
                              "415": _err("the body is not application/json")},
            }},
            "/api/rates": {"get": {
                "summary": "The rate for BASE → QUOTE on a day",
                "parameters": [
                    {"name": "base", "in": "query", "required": True, "schema": {"type": "string"}, "example": "USD"},
                    {"name": "quote", "in": "query", "required": True, "schema": {"type": "string"}, "example": "SEK"},
                    {"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "default: latest"},
                    {"name": "rates", "in": "query", "schema": {"type": "string"}, "description": "providers, comma-separated"},
                ],
                "responses": {"200": {"description": "the rate", **_json("Rate")}, "404": _err("no rate for that pair and day"), **common},
            }},
            "/v2/check": {"post": {
                "summary": "LanguageTool-compatible check",
                "requestBody": {"required": True, "content": {
                    "application/x-www-form-urlencoded": {"schema": {
                        "type": "object", "required": ["language"],
                        "properties": {
                            "text": {"type": "string"}, "data": {"type": "string", "description": "LanguageTool annotated text (JSON)"},
                            "language": {"type": "string", "description": "en-US, sv, auto …"},
                            "date": {"type": "string", "format": "date", "description": "numcheck's addition; else front matter"},
                            "enabledRules": {"type": "string"}, "disabledRules": {"type": "string"},
                            "enabledCategories": {"type": "string"}, "disabledCategories": {"type": "string"},
                            "enabledOnly": {"type": "string"}, "level": {"enum": ["default", "picky"]},
                        }}},
                    "multipart/form-data": {"schema": {"type": "object"}},
                }},
                "responses": {"200": {"description": "matches", **_json("LanguageToolResponse")}, **common},
            }},
            "/v2/languages": {"get": {"summary": "Languages, as LanguageTool lists them",
                                      "responses": {"200": {"description": "name, code, longCode", "content": {"application/json": {}}}}}},
        },
    }


__all__ = ["spec"]
