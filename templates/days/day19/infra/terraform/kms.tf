# A customer-managed key that encrypts the bucket, the table and the queues.
# BEGIN SOLUTION
resource "aws_kms_key" "shop" {
  # checkov:skip=CKV2_AWS_64: the default key policy (account root, delegated to IAM) is enough here
  description             = "${var.project}-${var.environment} data encryption"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}

resource "aws_kms_alias" "shop" {
  name          = "alias/${var.project}-${var.environment}"
  target_key_id = aws_kms_key.shop.key_id
}
# STARTER: # TODO(day19): a customer-managed aws_kms_key "shop" with rotation (see README step 4)
# END SOLUTION
