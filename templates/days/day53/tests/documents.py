"""The test documents: a small shop handbook, as the shop's staff would upload it."""

REFUNDS = (
    "Returns and refunds. Customers may return any product within 30 days of delivery. "
    "The refund is paid to the original card within five working days."
)
ERROR_CODES = (
    "Warehouse error codes. ERR-4711 means the barcode scanner lost its connection to the "
    "stock database. Restart the scanner and scan the pallet again."
)
SHIPPING = [
    "Shipping to the islands takes four extra days.",
    "Orders above 50 euros ship free of charge.",
]
