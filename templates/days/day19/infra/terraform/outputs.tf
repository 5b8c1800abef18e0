# Values other tools need after `terraform apply`; print them with `terraform output`.
# BEGIN SOLUTION
output "documents_bucket" {
  description = "Name of the documents bucket."
  value       = aws_s3_bucket.documents.bucket
}

output "orders_table" {
  description = "Name of the DynamoDB orders table."
  value       = aws_dynamodb_table.orders.name
}

output "order_events_queue_url" {
  description = "URL of the order events queue, for producers and consumers."
  value       = aws_sqs_queue.order_events.url
}

output "order_events_dlq_url" {
  description = "URL of the dead-letter queue, to inspect and redrive failed messages."
  value       = aws_sqs_queue.order_events_dlq.url
}
# STARTER: # TODO(day19): outputs for the bucket name, the table name and the two queue URLs
# END SOLUTION
