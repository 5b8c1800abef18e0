# The AWS provider, pointed at LocalStack instead of a real AWS account.
provider "aws" {
  region = var.aws_region

  # BEGIN SOLUTION
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key

  # LocalStack accepts any credentials and has no account or instance metadata to look up.
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  # Bucket names in the URL path (http://localhost:4566/bucket), not as a subdomain.
  s3_use_path_style = true

  endpoints {
    dynamodb = var.localstack_endpoint
    kms      = var.localstack_endpoint
    s3       = var.localstack_endpoint
    sqs      = var.localstack_endpoint
    sts      = var.localstack_endpoint
  }
  # STARTER: # TODO(day19): credentials from variables, the skip_* settings, path-style S3 and an
  # STARTER: # endpoints block sending dynamodb, kms, s3, sqs and sts to var.localstack_endpoint
  # END SOLUTION

  default_tags {
    tags = {
      project     = var.project
      environment = var.environment
      managed_by  = "terraform"
    }
  }
}
