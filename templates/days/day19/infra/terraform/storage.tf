# Object storage for uploaded documents.
resource "aws_s3_bucket" "documents" {
  # checkov:skip=CKV_AWS_18: access logs need a second log bucket; outside this lab
  # checkov:skip=CKV_AWS_144: one region is enough for a local lab; no cross-region replica
  # checkov:skip=CKV2_AWS_62: nothing consumes bucket events yet (the capstone adds that)
  bucket = "${var.project}-${var.environment}-documents"
  # Lets `terraform destroy` remove a bucket that still holds objects: fine for a lab only.
  force_destroy = var.environment != "prod"
}

# BEGIN SOLUTION
resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.shop.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "documents" {
  bucket = aws_s3_bucket.documents.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id

  rule {
    id     = "tidy-up"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.documents]
}
# STARTER: # TODO(day19): versioning, default encryption and a public access block for the bucket
# STARTER: # (separate aws_s3_bucket_* resources, see README step 5)
# END SOLUTION
