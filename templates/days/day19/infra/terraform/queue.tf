# The queue that carries order events between services.
resource "aws_sqs_queue" "order_events" {
  name                       = "${var.project}-${var.environment}-order-events"
  visibility_timeout_seconds = 30
  message_retention_seconds  = 345600 # 4 days

  # BEGIN SOLUTION
  kms_master_key_id = aws_kms_key.shop.arn

  # After max_receive_count failed deliveries a message moves to the dead-letter queue.
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.order_events_dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  # STARTER: # TODO(day19): encryption and a redrive_policy to a dead-letter queue (README step 6)
  # END SOLUTION
}
# BEGIN SOLUTION

resource "aws_sqs_queue" "order_events_dlq" {
  name = "${var.project}-${var.environment}-order-events-dlq"
  # Longer than the main queue: a message keeps its original age when it is moved here.
  message_retention_seconds = 1209600 # 14 days, the maximum
  kms_master_key_id         = aws_kms_key.shop.arn
}

# Only the order events queue may use this one as its dead-letter queue.
resource "aws_sqs_queue_redrive_allow_policy" "order_events_dlq" {
  queue_url = aws_sqs_queue.order_events_dlq.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.order_events.arn]
  })
}
# END SOLUTION
