# Which Terraform and which provider versions this configuration is written for.
terraform {
  # BEGIN SOLUTION
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
  # STARTER: # TODO(day19): pin required_version and the aws provider (source and version)
  # END SOLUTION
}
