"""Static checks of infra/terraform/ (no Terraform run, no LocalStack needed)."""

import fnmatch
import re
from pathlib import Path

import yaml

from tests.hcl import Block, Body, Expr, parse, parse_dir

DAY_DIR = Path(__file__).resolve().parent.parent
TF_DIR = DAY_DIR / "infra" / "terraform"
LOCALSTACK = "http://localhost:4566"


def config() -> Body:
    return parse_dir(TF_DIR)


def resources(body: Body, resource_type: str) -> list[Block]:
    return body.find("resource", resource_type)


def variable_default(body: Body, expression: object) -> object:
    """Resolves `var.name` to the variable's default; returns literals unchanged."""
    if isinstance(expression, Expr):
        match = re.fullmatch(r"var\.(\w+)", expression.raw.strip())
        if match:
            variable = body.first("variable", match.group(1))
            assert variable, f"var.{match.group(1)} is used but never declared"
            return variable.body.get("default")
    return expression


def attached_to(body: Body, resource_type: str, bucket: Block) -> Block | None:
    """The resource of `resource_type` whose `bucket` refers to the given aws_s3_bucket."""
    reference = f"aws_s3_bucket.{bucket.labels[1]}."
    for block in resources(body, resource_type):
        if block.body.raw("bucket").startswith(reference):
            return block
    return None


def nested(block: Block | None, *path: str) -> Block | None:
    for name in path:
        if block is None:
            return None
        block = block.body.first(name)
    return block


def test_terraform_and_provider_versions_are_pinned():
    settings = config().first("terraform")
    assert settings, "versions.tf should hold a terraform block"
    required = settings.body.get("required_version")
    assert isinstance(required, str) and re.search(r"[>~]=?\s*1\.\d+", required), (
        'set required_version, for example ">= 1.6.0, < 2.0.0"'
    )
    providers = settings.body.first("required_providers")
    assert providers, "add a required_providers block"
    aws = providers.body.get("aws")
    assert isinstance(aws, dict), "required_providers needs aws = { source = ..., version = ... }"
    assert aws.get("source") == "hashicorp/aws", "the aws provider comes from hashicorp/aws"
    version = str(aws.get("version", ""))
    assert re.search(r"\d+\.\d+", version), "pin the provider version"
    assert "~>" in version or "<" in version, (
        f"version = {version!r} lets `terraform init -upgrade` jump to the next major release: "
        'bound it, for example "~> 5.100"'
    )


def test_state_lives_in_a_locked_remote_backend():
    settings = config().first("terraform")
    assert settings, "versions.tf should hold a terraform block"
    backend = settings.body.first("backend")
    assert backend, (
        "without a backend the state is a file on one laptop: two people apply from two"
        ' different states. Add backend "s3" (README step 2)'
    )
    assert backend.labels == ["s3"], "keep the state in the S3 backend (LocalStack's S3 here)"
    assert isinstance(backend.body.get("key"), str) and backend.body.get("key"), (
        "set key: the path of the state object in the bucket"
    )
    locked = backend.body.get("use_lockfile") is True or bool(backend.body.raw("dynamodb_table"))
    assert locked, (
        "set use_lockfile = true: without a lock two applies at once both write the state,"
        " and the second overwrites what the first created"
    )
    assert backend.body.get("encrypt") is True, "set encrypt = true: the state holds secrets"
    # Where the bucket is comes from a partial configuration given at `terraform init`.
    files = sorted(TF_DIR.glob("*.tfbackend"))
    assert files, "keep the LocalStack settings in a *.tfbackend file"
    settings_file = parse(files[0].read_text(encoding="utf-8"))
    bucket = settings_file.get("bucket")
    assert isinstance(bucket, str) and bucket, f"{files[0].name}: set the bucket"
    hooks = DAY_DIR / "localstack" / "ready.d"
    scripts = " ".join(s.read_text(encoding="utf-8") for s in sorted(hooks.glob("*.sh")))
    assert bucket in scripts, f"nothing creates the state bucket {bucket!r} before terraform init"


def test_provider_talks_to_localstack():
    body = config()
    provider = body.first("provider", "aws")
    assert provider, 'providers.tf should configure provider "aws"'
    for flag in ("skip_credentials_validation", "skip_requesting_account_id", "s3_use_path_style"):
        assert provider.body.get(flag) is True, f"set {flag} = true for LocalStack"
    for key in ("access_key", "secret_key"):
        raw = provider.body.raw(key)
        assert raw.startswith("var."), f"{key} should come from a variable, never a literal"
    endpoints = provider.body.first("endpoints")
    assert endpoints, "add an endpoints block"
    for service in ("s3", "sqs", "dynamodb"):
        assert service in endpoints.body.attributes, f"send {service} to LocalStack"
        url = variable_default(body, endpoints.body.get(service))
        assert str(url).rstrip("/") == LOCALSTACK, f"{service} should go to {LOCALSTACK}"


def test_fake_credentials_are_sensitive_placeholder_variables():
    body = config()
    for name in ("aws_access_key", "aws_secret_key"):
        variable = body.first("variable", name)
        assert variable, f'declare variable "{name}"'
        assert variable.body.get("sensitive") is True, f"{name}: mark it sensitive = true"
        assert variable.body.get("default") == "test", (
            f'{name}: the only default allowed in git is LocalStack\'s placeholder "test"'
        )


def test_variables_are_typed_documented_and_validated():
    body = config()
    variables = {block.labels[0]: block for block in body.find("variable")}
    for name in ("aws_region", "localstack_endpoint", "aws_access_key", "aws_secret_key"):
        assert name in variables, f'declare variable "{name}"'
    assert "max_receive_count" in variables, 'declare variable "max_receive_count"'
    for name, variable in variables.items():
        assert variable.body.raw("type"), f"variable {name}: add a type"
        description = variable.body.get("description")
        assert isinstance(description, str) and len(description) > 10, (
            f"variable {name}: add a description"
        )
    count = variables["max_receive_count"]
    assert count.body.raw("type") == "number", "max_receive_count is a number"
    assert count.body.first("validation"), "max_receive_count: add a validation block"


def test_orders_table_has_recovery_and_encryption():
    body = config()
    tables = resources(body, "aws_dynamodb_table")
    assert len(tables) == 1, "database.tf should define one aws_dynamodb_table"
    table = tables[0].body
    declared = {a.body.get("name") for a in table.find("attribute")}
    for key in ("hash_key", "range_key"):
        if key in table.attributes:
            assert table.get(key) in declared, f"{key} needs a matching attribute block"
    assert table.get("billing_mode") == "PAY_PER_REQUEST", "use on-demand billing"
    recovery = table.first("point_in_time_recovery")
    assert recovery and recovery.body.get("enabled") is True, "enable point_in_time_recovery"
    encryption = table.first("server_side_encryption")
    assert encryption and encryption.body.get("enabled") is True, "enable server_side_encryption"


def test_bucket_is_versioned_encrypted_and_private():
    body = config()
    buckets = resources(body, "aws_s3_bucket")
    assert len(buckets) == 1, "storage.tf should define one aws_s3_bucket"
    bucket = buckets[0]
    versioning = attached_to(body, "aws_s3_bucket_versioning", bucket)
    assert versioning, "add aws_s3_bucket_versioning for the bucket"
    status = nested(versioning, "versioning_configuration")
    assert status and status.body.get("status") == "Enabled", 'versioning status = "Enabled"'
    encryption = attached_to(body, "aws_s3_bucket_server_side_encryption_configuration", bucket)
    default = nested(encryption, "rule", "apply_server_side_encryption_by_default")
    assert default, "add default encryption (aws_s3_bucket_server_side_encryption_configuration)"
    assert default.body.get("sse_algorithm") in ("aws:kms", "aws:kms:dsse", "AES256")
    block = attached_to(body, "aws_s3_bucket_public_access_block", bucket)
    assert block, "add aws_s3_bucket_public_access_block for the bucket"
    for flag in (
        "block_public_acls",
        "block_public_policy",
        "ignore_public_acls",
        "restrict_public_buckets",
    ):
        assert block.body.get(flag) is True, f"public access block: {flag} = true"


def test_queue_moves_failed_messages_to_a_dead_letter_queue():
    body = config()
    queues = {block.labels[1]: block for block in resources(body, "aws_sqs_queue")}
    with_redrive = [q for q in queues.values() if q.body.raw("redrive_policy")]
    assert with_redrive, "give the main queue a redrive_policy"
    main = with_redrive[0]
    policy = main.body.raw("redrive_policy")
    target = re.search(r'deadLetterTargetArn"?\s*[=:]\s*aws_sqs_queue\.(\w+)\.arn', policy)
    assert target, "redrive_policy needs deadLetterTargetArn = aws_sqs_queue.<dlq>.arn"
    assert re.search(r'maxReceiveCount"?\s*[=:]', policy), "redrive_policy needs maxReceiveCount"
    dlq = queues.get(target.group(1))
    assert dlq and dlq is not main, "the dead-letter queue must be another aws_sqs_queue"
    main_retention = main.body.get("message_retention_seconds", 345600)
    dlq_retention = dlq.body.get("message_retention_seconds", 345600)
    assert isinstance(dlq_retention, int) and dlq_retention > main_retention, (
        "keep messages longer in the dead-letter queue than in the main queue"
    )
    for queue in (main, dlq):
        encrypted = queue.body.get("sqs_managed_sse_enabled") is True
        encrypted = encrypted or bool(queue.body.raw("kms_master_key_id"))
        assert encrypted, f"encrypt queue {queue.labels[1]} (SSE-SQS or a KMS key)"


def test_outputs_expose_the_names_and_urls():
    body = config()
    outputs = body.find("output")
    values = " ".join(o.body.raw("value") for o in outputs)
    for reference in ("aws_s3_bucket.", "aws_dynamodb_table.", "aws_sqs_queue."):
        assert reference in values, f"add an output from {reference.rstrip('.')}"
    assert re.search(r"aws_sqs_queue\.\w+\.url", values), "output the queue URL (.url)"
    for output in outputs:
        assert output.body.get("description"), f"output {output.labels[0]}: add a description"


def gitignored(path: str, patterns: list[str]) -> bool:
    """A simplified .gitignore check: last match wins, `!` re-includes, `dir/` means a folder."""
    parts = path.split("/")
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern[1:] if negate else pattern
        folder_only = pattern.endswith("/")
        pattern = pattern.strip("/")
        if "/" in pattern:
            candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        else:
            candidates = parts
        if folder_only:
            candidates = candidates[:-1]
        if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
            ignored = not negate
    return ignored


def test_state_and_provider_cache_stay_out_of_git():
    path = TF_DIR / ".gitignore"
    assert path.exists(), "add infra/terraform/.gitignore"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    patterns = [line for line in lines if line and not line.startswith("#")]
    for private in (
        ".terraform/providers/hashicorp/aws/plugin",
        "terraform.tfstate",
        "terraform.tfstate.backup",
    ):
        assert gitignored(private, patterns), f"{private} must not be committed"
    for shared in (".terraform.lock.hcl", "main.tf", "variables.tf"):
        assert not gitignored(shared, patterns), f"{shared} belongs in git"


def test_saved_plans_stay_out_of_git():
    path = TF_DIR / ".gitignore"
    assert path.exists(), "add infra/terraform/.gitignore"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    patterns = [line for line in lines if line and not line.startswith("#")]
    # `terraform plan -out=tfplan` (README step 10) writes every planned value, secrets included.
    for plan in ("tfplan", "release.tfplan"):
        assert gitignored(plan, patterns), f"a saved plan ({plan}) must not be committed"


def test_compose_runs_a_pinned_localstack_with_a_healthcheck():
    compose = yaml.safe_load((DAY_DIR / "compose.yaml").read_text(encoding="utf-8")) or {}
    service = (compose.get("services") or {}).get("localstack") or {}
    image = service.get("image", "")
    repo, _, tag = image.rpartition(":")
    assert repo == "localstack/localstack", "run the localstack/localstack image"
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", tag), f"pin a release tag, not {tag!r}"
    ports = [str(p) for p in service.get("ports") or []]
    assert any(p.endswith("4566:4566") for p in ports), "publish the gateway port 4566"
    check = service.get("healthcheck") or {}
    assert check.get("test"), "add a healthcheck to the localstack service"
    assert "_localstack/health" in " ".join(map(str, check["test"])), (
        "check LocalStack's own /_localstack/health endpoint"
    )
