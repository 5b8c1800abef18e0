"""Run the notifications consumer against RabbitMQ (needs RABBITMQ_URL and pika).

python -m services.notifications.worker
"""

from __future__ import annotations

from dataclasses import dataclass

from messaging.rabbitmq import RabbitMQBroker
from services.notifications.consumer import Notification, NotificationService


@dataclass
class PrintingMailer:
    def send(self, notification: Notification) -> None:
        print(
            f"to user {notification.user_id}: {notification.subject} - {notification.body}",
            flush=True,
        )


def main() -> None:
    broker = RabbitMQBroker.connect()
    NotificationService(PrintingMailer()).start(broker)
    print("notifications: waiting for order_created events (Ctrl+C to stop)", flush=True)
    try:
        broker.run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
