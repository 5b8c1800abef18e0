# Inputs of this configuration. Override them with -var, a *.tfvars file or TF_VAR_<name>.

variable "aws_region" {
  type        = string
  description = "AWS region to create the resources in (LocalStack accepts any)."
  default     = "us-east-1"
}

variable "localstack_endpoint" {
  type        = string
  description = "Base URL of the LocalStack gateway that stands in for every AWS API."
  default     = "http://localhost:4566"
}

variable "project" {
  type        = string
  description = "Short name used as a prefix for every resource name."
  default     = "shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.project))
    error_message = "Use 2 to 21 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Deployment environment: dev, staging or prod."
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

# BEGIN SOLUTION
variable "aws_access_key" {
  type        = string
  description = "Access key id. The default is LocalStack's placeholder, not a real key."
  default     = "test"
  sensitive   = true
}

variable "aws_secret_key" {
  type        = string
  description = "Secret access key. The default is LocalStack's placeholder, not a real key."
  default     = "test"
  sensitive   = true
}

variable "max_receive_count" {
  type        = number
  description = "Deliveries of one message before the queue moves it to the dead-letter queue."
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000
    error_message = "Choose between 1 and 1000 deliveries."
  }
}
# STARTER: # TODO(day19): aws_access_key and aws_secret_key (sensitive, placeholder default "test")
# STARTER: # and max_receive_count with a validation rule (see README step 3)
# END SOLUTION
