"""profiles.yml's outputs rendered as dbt renders them: secrets come from the environment only,
Snowflake signs in the way the variables set choose, and a missing variable is named."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from dbt.adapters.snowflake.connections import SnowflakeCredentials
from dbt.config.profile import Profile
from dbt.config.renderer import ProfileRenderer
from dbt.exceptions import DbtProfileError, EnvVarMissingError
from dbt_common.context import set_invocation_context

from conftest import PROJECT_ROOT

PROFILE = yaml.safe_load((PROJECT_ROOT / "profiles.yml").read_text())["pql_scoring"]
SNOWFLAKE_ACCOUNT = {
    "SNOWFLAKE_ACCOUNT": "xy12345.eu-west-1", "SNOWFLAKE_USER": "dbt_pql",
    "SNOWFLAKE_WAREHOUSE": "transforming", "SNOWFLAKE_DATABASE": "analytics",
}
SECRET_KEYS = {"password", "private_key", "private_key_passphrase", "token", "keyfile"}


def render(target: str, environment: dict[str, str]) -> dict[str, Any]:
    """The `target` output as dbt renders it with exactly these environment variables."""
    set_invocation_context(environment)
    _, rendered = Profile.render_profile(PROFILE, "pql_scoring", target, ProfileRenderer({}))
    return rendered


def snowflake_sign_in(environment: dict[str, str]) -> dict[str, Any]:
    """What dbt-snowflake hands the Snowflake connector to sign in with."""
    output = render("snowflake", {**SNOWFLAKE_ACCOUNT, **environment})
    credentials = SnowflakeCredentials.from_dict({key: value for key, value in output.items() if key != "type"})
    return {key: value for key, value in credentials.auth_args().items() if value}


@pytest.fixture(scope="module")
def encrypted_key(tmp_path_factory) -> dict[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(b"open sesame")).decode()
    path = tmp_path_factory.mktemp("keys") / "rsa_key.p8"
    path.write_text(pem)
    return {"path": str(path), "pem": pem, "passphrase": "open sesame"}


def test_snowflake_signs_in_with_a_key_pair_file_and_its_passphrase(encrypted_key: dict[str, str]):
    sign_in = snowflake_sign_in({"SNOWFLAKE_PRIVATE_KEY_PATH": encrypted_key["path"],
                                 "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE": encrypted_key["passphrase"]})
    assert sign_in["private_key"].startswith(b"0\x82")  # the decrypted key, DER-encoded
    assert "password" not in sign_in and "authenticator" not in sign_in


def test_snowflake_signs_in_with_a_key_pairs_contents(encrypted_key: dict[str, str]):
    sign_in = snowflake_sign_in({"SNOWFLAKE_PRIVATE_KEY": encrypted_key["pem"],
                                 "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE": encrypted_key["passphrase"]})
    assert sign_in["private_key"].startswith(b"0\x82")


def test_a_wrong_passphrase_stops_the_key_pair_sign_in(encrypted_key: dict[str, str]):
    with pytest.raises(ValueError, match="[Bb]ad decrypt|[Ii]ncorrect password|[Cc]ould not deserialize"):
        snowflake_sign_in({"SNOWFLAKE_PRIVATE_KEY_PATH": encrypted_key["path"],
                           "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE": "wrong"})


def test_snowflake_signs_in_by_sso():
    sign_in = snowflake_sign_in({"SNOWFLAKE_AUTHENTICATOR": "externalbrowser"})
    assert sign_in["authenticator"] == "externalbrowser"
    assert "password" not in sign_in and "private_key" not in sign_in


def test_snowflake_signs_in_with_a_password():
    sign_in = snowflake_sign_in({"SNOWFLAKE_PASSWORD": "from the environment"})
    assert sign_in["password"] == "from the environment"
    assert "authenticator" not in sign_in and "private_key" not in sign_in


def test_a_key_pair_comes_before_sso_and_sso_before_a_password(encrypted_key: dict[str, str]):
    everything = {"SNOWFLAKE_PRIVATE_KEY_PATH": encrypted_key["path"],
                  "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE": encrypted_key["passphrase"],
                  "SNOWFLAKE_AUTHENTICATOR": "externalbrowser", "SNOWFLAKE_PASSWORD": "also set"}
    assert set(snowflake_sign_in(everything)) & {"private_key", "authenticator", "password"} == {"private_key"}
    sso_and_password = {"SNOWFLAKE_AUTHENTICATOR": "externalbrowser", "SNOWFLAKE_PASSWORD": "also set"}
    assert set(snowflake_sign_in(sso_and_password)) & {"private_key", "authenticator", "password"} == {
        "authenticator"}


def test_snowflake_without_a_way_to_sign_in_names_all_three():
    with pytest.raises((DbtProfileError, EnvVarMissingError)) as raised:
        render("snowflake", SNOWFLAKE_ACCOUNT)
    assert ("SNOWFLAKE_PRIVATE_KEY_PATH or SNOWFLAKE_PRIVATE_KEY (key pair), SNOWFLAKE_AUTHENTICATOR (SSO) "
            "or SNOWFLAKE_PASSWORD") in str(raised.value)


@pytest.mark.parametrize(("target", "needed"), [
    ("snowflake", ["SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER", "SNOWFLAKE_WAREHOUSE", "SNOWFLAKE_DATABASE"]),
    ("bigquery", ["BIGQUERY_PROJECT"]),
    ("databricks", ["DATABRICKS_HOST", "DATABRICKS_HTTP_PATH", "DATABRICKS_TOKEN", "DATABRICKS_CATALOG"]),
])
def test_each_missing_variable_is_named(target: str, needed: list[str]):
    complete = {name: "set" for name in needed} | {"SNOWFLAKE_PASSWORD": "set"}
    render(target, complete)
    for name in needed:
        with pytest.raises((DbtProfileError, EnvVarMissingError), match=f"not provided: '{name}'"):
            render(target, {key: value for key, value in complete.items() if key != name})


def test_every_secret_comes_from_the_environment():
    """Each output rendered with every variable it reads set to a marker: every secret is a marker,
    or empty where a sign-in that comes first is chosen."""
    for target in PROFILE["outputs"]:
        names = set(re.findall(r"env_var\('([A-Z_]+)'", json.dumps(PROFILE["outputs"][target])))
        output = render(target, {name: f"from {name}" for name in names})
        secrets = {key: value for key, value in output.items() if key in SECRET_KEYS}
        assert all(re.fullmatch(r"(from [A-Z_]+)?", str(value)) for value in secrets.values()), (target, secrets)
        assert any(secrets.values()) or target in ("duckdb", "spark"), (target, secrets)


def test_the_spark_output_keeps_its_catalog_under_pql_spark_dir():
    parameters = render("spark", {"PQL_SPARK_DIR": "/tmp/pql-spark"})["server_side_parameters"]
    assert parameters["spark.sql.warehouse.dir"] == "/tmp/pql-spark/warehouse"
    assert "-Dderby.system.home=/tmp/pql-spark/metastore" in parameters["spark.driver.extraJavaOptions"]
    assert parameters["spark.sql.session.timeZone"] == "UTC"
    assert parameters["spark.driver.bindAddress"] == parameters["spark.driver.host"] == "127.0.0.1"
