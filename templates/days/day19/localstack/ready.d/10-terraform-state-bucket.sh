#!/bin/sh
# LocalStack runs this once it is ready (compose.yaml mounts this folder at
# /etc/localstack/init/ready.d). It creates the bucket Terraform keeps its state in: that bucket
# must exist before `terraform init`, so it cannot be made by the configuration whose state it
# holds. LocalStack forgets everything when it stops, so the script runs on every start.
set -eu
bucket=shop-terraform-state
if ! awslocal s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
    awslocal s3api create-bucket --bucket "$bucket"
fi
# Versioning keeps every earlier state: a broken state can be rolled back.
awslocal s3api put-bucket-versioning --bucket "$bucket" \
    --versioning-configuration Status=Enabled
