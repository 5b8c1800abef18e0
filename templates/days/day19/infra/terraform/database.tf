# The orders table. DynamoDB stands in for a managed database: LocalStack runs it for free.
resource "aws_dynamodb_table" "orders" {
  name         = "${var.project}-${var.environment}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "user_id"
  range_key    = "order_id"

  attribute {
    name = "user_id"
    type = "S"
  }

  attribute {
    name = "order_id"
    type = "S"
  }

  # BEGIN SOLUTION
  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.shop.arn
  }

  deletion_protection_enabled = var.environment == "prod"
  # STARTER: # TODO(day19): point-in-time recovery and server-side encryption with the KMS key
  # END SOLUTION
}
