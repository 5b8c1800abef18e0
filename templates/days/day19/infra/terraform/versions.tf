# Which Terraform and which provider versions this configuration is written for.
terraform {
  # BEGIN SOLUTION
  # 1.10 brought S3 state locking without DynamoDB (use_lockfile below).
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # The state lives in a bucket, not on one laptop: everyone who applies sees the same state.
  # use_lockfile takes a lock object next to it for the duration of a plan or apply, so a second
  # apply waits instead of overwriting the first one's state. Where the bucket is (LocalStack)
  # comes from localstack.s3.tfbackend at `terraform init`: a backend block cannot read variables.
  backend "s3" {
    key          = "shop/dev/terraform.tfstate"
    use_lockfile = true
    encrypt      = true
  }
  # STARTER: # TODO(day19): pin required_version and the aws provider (source and version), and
  # STARTER: # keep the state in the S3 backend with locking (README step 2)
  # END SOLUTION
}
