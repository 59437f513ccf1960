/*
 * Optoro's own sample payloads (Auth 1.0.0, Drop Ship 2023-08-15 and 6.0 documentation, copied
 * verbatim), shown as OpenAPI `examples` so the docs page shows real bodies. The gateway's HTTP
 * tests send the same samples from their fixtures.
 */

/** Auth 1.0.0 POST /oauth/token request (credentials are placeholders). */
export const TOKEN_REQUEST = {
  "grant_type": "client_credentials",
  "client_id": "<client_id>",
  "client_secret": "<client_secret>"
} as const;

/** Auth 1.0.0 POST /oauth/token 200 example. */
export const TOKEN_RESPONSE = {
  "access_token": "G0ybScDl_7CA3tWVou",
  "token_type": "Bearer",
  "expires_in": 90000,
  "scope": "read write",
  "created_at": 1656518368
} as const;

/** Auth 1.0.0 POST /oauth/token 401 invalidClient example. */
export const TOKEN_INVALID_CLIENT = {
  "error": "invalid_client",
  "error_description": "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."
} as const;

/** Drop Ship 2023-08-15 GET /listings 200 sample. */
export const LISTINGS_RESPONSE = {
  "listings": [
    {
      "identifier": "S11727",
      "condition": "N",
      "channel": "rts_drop_ship",
      "quantity": 1,
      "lot": {
        "warehouse_name": "Warehouse A",
        "template_name": "template",
        "photo_urls": [
          "test_image.com",
          "example_image.com"
        ],
        "weight": 1.5,
        "manifest_items": [
          {
            "identifier": "ITEM-PTAA760-1",
            "item_title": "TITLE-PTAA760-1",
            "condition": "new",
            "manufacturer": "Dooley and Sons",
            "upc": "0123456789012",
            "sku": "SKU-PTAA760-1"
          }
        ],
        "created_at": "2019-08-24T14:15:22Z",
        "updated_at": "2019-08-24T14:15:22Z"
      },
      "created_at": "2019-08-24T14:15:22Z",
      "updated_at": "2019-08-24T14:15:22Z"
    }
  ],
  "next_page": {
    "offset": "ZW1aSlowb3laazl3V1hSNlJVdGFPRE16U1cxc1JHaHBRVFJOV",
    "path": "/listings?updated_at=2023-08-16T17:27:46&channel=rts_drop_ship&offset=ZW1aSlowb3laazl3V1hSNlJVdGFPRE16U1cxc1JHaHBRVFJOV"
  }
} as const;

/** Drop Ship 2023-08-15 PUT /listings/{id} request sample. */
export const UPDATE_LISTING_REQUEST = {
  "condition": "N",
  "channel": "rts_drop_ship",
  "quantity": 1
} as const;

/** Drop Ship 6.0 PUT /listings/{id} 200 example. */
export const LISTING_UPDATED_RESPONSE = {
  "message": "Listing quantity updated"
} as const;

/** Drop Ship 6.0 order-2 property examples, as a POST /orders body. */
export const CREATE_ORDER_REQUEST = {
  "order": {
    "client_identifier": "3fda4c37-6830-469f-b343-9d1a482a97fd",
    "channel": "rts_drop_ship",
    "billing_address": {
      "name": "Lacy Macejkovic",
      "company": "Bayer-Abernathy",
      "telephone_number": "252-948-6723 12345",
      "street": "315 5th Ave",
      "street2": "Suite 2112",
      "city": "New York",
      "state": "NY",
      "zip_code": "10016",
      "country": "US"
    },
    "shipping_address": {
      "name": "Lacy Macejkovic",
      "company": "Bayer-Abernathy",
      "telephone_number": "252-948-6723 12345",
      "street": "315 5th Ave",
      "street2": "Suite 2112",
      "city": "New York",
      "state": "NY",
      "zip_code": "10016",
      "country": "US",
      "loading_dock": false
    },
    "brand": "acme",
    "shipping_method": "STANDARD",
    "price_cents": 10000,
    "processing_fee_cents": 0,
    "tax_cents": 1000,
    "shipping_cost_cents": 500,
    "shipping_tax_cents": 0,
    "comments": "Gift wrap required",
    "expected_delivery_date": "2023-08-20",
    "signature_required": false,
    "packing_slip_identifier": "1497064",
    "order_items": [
      {
        "client_identifier": "296f0b98-7bc5-4750-8cb9-2e36db1ff766",
        "sku": "PTBQ121308",
        "brand": "acme",
        "condition": "N",
        "quantity": 1,
        "price_cents": 10000,
        "tax_cents": 1000,
        "shipping_cost_cents": 500,
        "shipping_tax_cents": 0,
        "comments": ""
      }
    ]
  }
} as const;

/** Drop Ship 6.0 POST /orders 201 example. */
export const ORDER_ACCEPTED_RESPONSE = {
  "message": "accepted",
  "reason": "Order accepted"
} as const;

/** Drop Ship 6.0 POST /orders 201 pending_payment example. */
export const ORDER_PENDING_PAYMENT_RESPONSE = {
  "message": "pending_payment",
  "reason": "Order accepted"
} as const;

/** Drop Ship 6.0 POST /orders 200 rejected example. */
export const ORDER_REJECTED_RESPONSE = {
  "message": "rejected",
  "reason": "Insufficient Quantity for: <order item  #1 client_identifier> - <order item  #1 sku>(condition), <order item  #2 client_identifier> - <order item  #2 sku> (condition)",
  "order": {
    "client_identifier": "3573390128",
    "order_items": [
      {
        "client_identifier": "296f0b98-7bc5-4750-8cb9-2e36db1ff766",
        "sku": "PTBQ121308",
        "condition": "N",
        "quantity": 3,
        "available_quantity": 1
      }
    ]
  }
} as const;

/** Drop Ship 6.0 POST /orders 422 example. */
export const ORDER_DUPLICATE_RESPONSE = {
  "message": "Order not created",
  "reason": "Order with identifier 123 already exists. Order is in status 'accepted'"
} as const;

/** POST /batch/orders request sample. */
export const BATCH_ORDERS_REQUEST = {
  "orders": [
    {
      "client_identifier": "3fda4c37-6830-469f-b343-9d1a482a97fd",
      "channel": "rts_drop_ship",
      "billing_address": {
        "name": "Lacy Macejkovic",
        "company": "Bayer-Abernathy",
        "telephone_number": "252-948-6723 12345",
        "street": "315 5th Ave",
        "street2": "Suite 2112",
        "city": "New York",
        "state": "NY",
        "zip_code": "10016",
        "country": "US"
      },
      "shipping_address": {
        "name": "Lacy Macejkovic",
        "company": "Bayer-Abernathy",
        "telephone_number": "252-948-6723 12345",
        "street": "315 5th Ave",
        "street2": "Suite 2112",
        "city": "New York",
        "state": "NY",
        "zip_code": "10016",
        "country": "US",
        "loading_dock": false
      },
      "brand": "acme",
      "shipping_method": "STANDARD",
      "price_cents": 10000,
      "processing_fee_cents": 0,
      "tax_cents": 1000,
      "shipping_cost_cents": 500,
      "shipping_tax_cents": 0,
      "comments": "Gift wrap required",
      "expected_delivery_date": "2023-08-20",
      "signature_required": false,
      "packing_slip_identifier": "1497064",
      "order_items": [
        {
          "client_identifier": "296f0b98-7bc5-4750-8cb9-2e36db1ff766",
          "sku": "PTBQ121308",
          "brand": "acme",
          "condition": "N",
          "quantity": 1,
          "price_cents": 10000,
          "tax_cents": 1000,
          "shipping_cost_cents": 500,
          "shipping_tax_cents": 0,
          "comments": ""
        }
      ]
    }
  ]
} as const;

/** Drop Ship 6.0 POST /batch/orders 200 example. */
export const BATCH_CREATED_RESPONSE = [
  {
    "client_identifier": "3fda4c37-6830-469f-b343-9d1a482a97fd",
    "status": "created",
    "message": null
  }
] as const;

/** Drop Ship 6.0 POST /batch/orders 200 example, order already exists. */
export const BATCH_ALREADY_EXISTS_RESPONSE = [
  {
    "client_identifier": "3fda4c37-6830-469f-b343-9d1a482a97fd",
    "status": "invalid",
    "message": "Order with identifier 3fda4c37-6830-469f-b343-9d1a482a97fd already exists. Order is in status 'accepted'."
  }
] as const;

/** Drop Ship 6.0 POST /batch/orders 413 example. */
export const BATCH_TOO_LARGE_RESPONSE = {
  "message": "Request too large. Max allowed batch size 25"
} as const;

/** Drop Ship PUT /orders/{id} request sample. */
export const UPDATE_ORDER_REQUEST = {
  "order": {
    "payment_status": "complete"
  }
} as const;

/** Drop Ship 6.0 PUT/DELETE /orders/{id} 404 example. */
export const ORDER_NOT_FOUND_RESPONSE = {
  "message": "Order cannot be found"
} as const;

/**
 * Forward Orders 1.0.0 POST /forward_orders request: the property examples of its OpenAPI (the
 * page collapses the sample), each as the string its schema declares.
 */
export const FORWARD_ORDERS_REQUEST = {
  "orders": [
    {
      "identifier": "1193Z93LL",
      "concept": "Best Brand",
      "postal_code": "55127",
      "created_at": "2023-09-11T00:00:00.000Z",
      "items": [
        {
          "identifier": "f34d97a7-f175-4a52-9e94-405631adbb3e4",
          "upc": "848709033673",
          "sku": "0123445667A",
          "quantity": 2,
          "tracking_number": "1Z999AA10123456784",
          "reverse_tracking_number": "2396343519220426000",
          "dropship_identifier": "1872",
          "shipped_date": "2023-08-20T04:00:00Z",
          "return_policy_end_date": "2023-08-15T04:00:00Z",
          "labels": [{ "type": "barcode", "name": "title", "value": "10231030023" }]
        }
      ]
    }
  ]
} as const;

/** Forward Orders 1.0.0 200 example. */
export const FORWARD_ORDERS_SUCCESS = { "message": "Success" } as const;

/** Forward Orders 1.0.0 422 example. */
export const FORWARD_ORDERS_VALIDATION_FAILED = {
  "message": "Validation Failed",
  "errors": [{ "field": "orders/1/items/0/sku", "code": "missing_field" }]
} as const;
