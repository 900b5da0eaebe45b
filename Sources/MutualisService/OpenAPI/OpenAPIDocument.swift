/// The OpenAPI 3.1 description of the API, as served at `/openapi.json`.
///
/// Kept by hand beside the routes; a test checks that every route is described and every
/// described path is routed.
enum OpenAPIDocument {
    static let json = #"""
        {
         "openapi": "3.1.0",
         "info": {
          "title": "Mutualis",
          "version": "1.0.0",
          "description": "Booking and cost sharing for territorial economic cooperation poles (PTCE). Instants are RFC 3339 with an offset; money is integer cents; lists page with limit and cursor."
         },
         "servers": [
          {
           "url": "/"
          }
         ],
         "security": [
          {
           "bearer": []
          }
         ],
         "paths": {
          "/health": {
           "get": {
            "summary": "Liveness",
            "security": [],
            "responses": {
             "200": {
              "description": "The process answers."
             }
            }
           }
          },
          "/ready": {
           "get": {
            "summary": "Readiness: the database is reachable",
            "security": [],
            "responses": {
             "200": {
              "description": "Ready."
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/metrics": {
           "get": {
            "summary": "Prometheus metrics",
            "security": [],
            "responses": {
             "200": {
              "description": "Metrics in Prometheus text format.",
              "content": {
               "text/plain": {
                "schema": {
                 "type": "string"
                }
               }
              }
             }
            }
           }
          },
          "/openapi.json": {
           "get": {
            "summary": "This document",
            "security": [],
            "responses": {
             "200": {
              "description": "The OpenAPI 3.1 document."
             }
            }
           }
          },
          "/api/v1/categories": {
           "get": {
            "summary": "The pole's member categories",
            "responses": {
             "200": {
              "description": "Categories.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Category"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Create a category, or set the coefficient of the category of that name (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/CategoryInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The category.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Category"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/members": {
           "get": {
            "summary": "The pole's members",
            "parameters": [
             {
              "$ref": "#/components/parameters/limit"
             },
             {
              "$ref": "#/components/parameters/cursor"
             }
            ],
            "responses": {
             "200": {
              "description": "A page of members.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Member"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Add a member (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/MemberInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The member.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Member"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/members/{memberId}": {
           "parameters": [
            {
             "name": "memberId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A member id."
            }
           ],
           "get": {
            "summary": "One member",
            "responses": {
             "200": {
              "description": "The member.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Member"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "patch": {
            "summary": "Change some fields of a member (coordinator); null clears an optional field",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/MemberInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The member.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Member"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/members/{memberId}/calendar.ics": {
           "parameters": [
            {
             "name": "memberId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A member id."
            },
            {
             "$ref": "#/components/parameters/key"
            }
           ],
           "get": {
            "summary": "The member's bookings as an iCalendar feed",
            "security": [
             {
              "bearer": []
             },
             {
              "calendarKey": []
             }
            ],
            "responses": {
             "200": {
              "description": "RFC 5545 calendar.",
              "content": {
               "text/calendar": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/users": {
           "get": {
            "summary": "The pole's users (coordinator)",
            "responses": {
             "200": {
              "description": "Users.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/User"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Add a user to the pole (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/UserInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The user.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/User"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/users/{userId}/tokens": {
           "parameters": [
            {
             "name": "userId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A user id."
            }
           ],
           "post": {
            "summary": "Issue a token for a user of the pole (coordinator); shown once",
            "requestBody": {
             "required": false,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/TokenInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The token.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Token"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/resources": {
           "get": {
            "summary": "The pole's resources",
            "parameters": [
             {
              "$ref": "#/components/parameters/limit"
             },
             {
              "$ref": "#/components/parameters/cursor"
             }
            ],
            "responses": {
             "200": {
              "description": "A page of resources.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Resource"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Add a resource with its units and rules (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ResourceInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The resource.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Resource"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/resources/{resourceId}": {
           "parameters": [
            {
             "name": "resourceId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A resource id."
            }
           ],
           "get": {
            "summary": "One resource",
            "responses": {
             "200": {
              "description": "The resource.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Resource"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "patch": {
            "summary": "Change a resource (coordinator); rules, when given, replace the rules whole",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/ResourceInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The resource.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Resource"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/resources/{resourceId}/blackouts": {
           "parameters": [
            {
             "name": "resourceId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A resource id."
            }
           ],
           "post": {
            "summary": "Make the resource unavailable over a span (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/BlackoutInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "Recorded."
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/resources/{resourceId}/availability": {
           "parameters": [
            {
             "name": "resourceId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A resource id."
            },
            {
             "name": "from",
             "in": "query",
             "required": true,
             "schema": {
              "type": "string",
              "format": "date-time"
             }
            },
            {
             "name": "to",
             "in": "query",
             "required": true,
             "schema": {
              "type": "string",
              "format": "date-time"
             }
            }
           ],
           "get": {
            "summary": "Free units over a window (at most 366 days), within opening hours, outside blackouts, bookings and their buffers",
            "responses": {
             "200": {
              "description": "Spans with a constant number of free units.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Availability"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/resources/{resourceId}/calendar.ics": {
           "parameters": [
            {
             "name": "resourceId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A resource id."
            },
            {
             "$ref": "#/components/parameters/key"
            }
           ],
           "get": {
            "summary": "The resource's bookings as an iCalendar feed (other members' bookings without their name)",
            "security": [
             {
              "bearer": []
             },
             {
              "calendarKey": []
             }
            ],
            "responses": {
             "200": {
              "description": "RFC 5545 calendar.",
              "content": {
               "text/calendar": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/bookings": {
           "get": {
            "summary": "Bookings the caller may see, by start",
            "parameters": [
             {
              "$ref": "#/components/parameters/limit"
             },
             {
              "$ref": "#/components/parameters/cursor"
             },
             {
              "name": "from",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date-time",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
              },
              "description": "Overlapping from this instant."
             },
             {
              "name": "to",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date-time",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
              },
              "description": "Overlapping until this instant."
             },
             {
              "name": "resourceId",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "uuid"
              },
              "description": "Only this resource."
             },
             {
              "name": "memberId",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "uuid"
              },
              "description": "Only this member."
             }
            ],
            "responses": {
             "200": {
              "description": "A page of bookings.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Booking"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Book a slot, or a recurring series",
            "parameters": [
             {
              "name": "Idempotency-Key",
              "in": "header",
              "required": false,
              "schema": {
               "type": "string",
               "maxLength": 255
              },
              "description": "The same key with the same body within 24 h returns the first answer and books nothing; with another body, 422."
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/BookingInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The booking, or for a recurrence the series.",
              "content": {
               "application/json": {
                "schema": {
                 "oneOf": [
                  {
                   "$ref": "#/components/schemas/Booking"
                  },
                  {
                   "$ref": "#/components/schemas/Series"
                  }
                 ]
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/bookings/{bookingId}": {
           "parameters": [
            {
             "name": "bookingId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A booking id."
            }
           ],
           "get": {
            "summary": "One booking",
            "responses": {
             "200": {
              "description": "The booking.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Booking"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/bookings/{bookingId}/cancel": {
           "parameters": [
            {
             "name": "bookingId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A booking id."
            },
            {
             "name": "scope",
             "in": "query",
             "required": false,
             "schema": {
              "type": "string",
              "enum": [
               "this",
               "following"
              ]
             },
             "description": "`following` also cancels the later occurrences of the series."
            }
           ],
           "post": {
            "summary": "Cancel a booking; after the resource's deadline it stays chargeable (lateCancellation)",
            "responses": {
             "200": {
              "description": "The booking.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Booking"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/bookings/{bookingId}/approve": {
           "parameters": [
            {
             "name": "bookingId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A booking id."
            }
           ],
           "post": {
            "summary": "Approve a pending booking (coordinator)",
            "responses": {
             "200": {
              "description": "The booking.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Booking"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/bookings/{bookingId}/reject": {
           "parameters": [
            {
             "name": "bookingId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A booking id."
            }
           ],
           "post": {
            "summary": "Reject a pending booking (coordinator)",
            "responses": {
             "200": {
              "description": "The booking.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Booking"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/resources/{resourceId}/allocation-rule": {
           "parameters": [
            {
             "name": "resourceId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A resource id."
            }
           ],
           "get": {
            "summary": "The allocation rule in force on a day",
            "parameters": [
             {
              "name": "on",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
              },
              "description": "A day; today in the pole's time zone by default."
             }
            ],
            "responses": {
             "200": {
              "description": "The rule.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/DatedAllocationRule"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "put": {
            "summary": "Set the resource's allocation rule from a day on (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/AllocationRuleInput"
               }
              }
             }
            },
            "responses": {
             "200": {
              "description": "The rule.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/DatedAllocationRule"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/resources/{resourceId}/allocation-rules": {
           "parameters": [
            {
             "name": "resourceId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A resource id."
            }
           ],
           "get": {
            "summary": "Every dated allocation rule of the resource, oldest first",
            "responses": {
             "200": {
              "description": "The rules.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/DatedAllocationRule"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/usage": {
           "get": {
            "summary": "Recorded usage (a member user: its own member's)",
            "parameters": [
             {
              "name": "from",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date-time",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
              },
              "description": "Usage starting at or after."
             },
             {
              "name": "to",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date-time",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
              },
              "description": "Usage starting before."
             },
             {
              "name": "resourceId",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "uuid"
              },
              "description": "One resource."
             },
             {
              "name": "memberId",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "uuid"
              },
              "description": "One member."
             },
             {
              "$ref": "#/components/parameters/limit"
             },
             {
              "$ref": "#/components/parameters/cursor"
             }
            ],
            "responses": {
             "200": {
              "description": "A page of usage records.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Usage"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Record actual usage: hours worked, km, uses (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/UsageInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The record.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Usage"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/costs": {
           "get": {
            "summary": "The pole's costs (coordinator)",
            "parameters": [
             {
              "name": "from",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
              },
              "description": "Costs whose period starts on or after."
             },
             {
              "name": "to",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "format": "date",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
              },
              "description": "Costs whose period ends on or before."
             },
             {
              "$ref": "#/components/parameters/limit"
             },
             {
              "$ref": "#/components/parameters/cursor"
             }
            ],
            "responses": {
             "200": {
              "description": "A page of costs.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/Cost"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Record a cost for a resource or the whole pole (coordinator); its own rule wins over the resource's",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/CostInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The cost.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Cost"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/costs/{costId}": {
           "parameters": [
            {
             "name": "costId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A cost id."
            }
           ],
           "get": {
            "summary": "One cost (coordinator)",
            "responses": {
             "200": {
              "description": "The cost.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Cost"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/allocation-runs": {
           "get": {
            "summary": "The pole's allocation runs (coordinator)",
            "parameters": [
             {
              "$ref": "#/components/parameters/limit"
             },
             {
              "$ref": "#/components/parameters/cursor"
             }
            ],
            "responses": {
             "200": {
              "description": "A page of runs.",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object",
                 "required": [
                  "items",
                  "next"
                 ],
                 "properties": {
                  "items": {
                   "type": "array",
                   "items": {
                    "$ref": "#/components/schemas/AllocationRunSummary"
                   }
                  },
                  "next": {
                   "type": [
                    "string",
                    "null"
                   ]
                  }
                 }
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           },
           "post": {
            "summary": "Compute a draft run for a period (coordinator)",
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "$ref": "#/components/schemas/AllocationRunInput"
               }
              }
             }
            },
            "responses": {
             "201": {
              "description": "The draft.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AllocationRun"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             }
            }
           }
          },
          "/api/v1/allocation-runs/{runId}": {
           "parameters": [
            {
             "name": "runId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "An allocation run id."
            }
           ],
           "get": {
            "summary": "A run with its costs and lines (coordinator)",
            "responses": {
             "200": {
              "description": "The run.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AllocationRun"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/allocation-runs/{runId}/recompute": {
           "parameters": [
            {
             "name": "runId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "An allocation run id."
            }
           ],
           "post": {
            "summary": "Compute a draft again from what is recorded now (coordinator)",
            "responses": {
             "200": {
              "description": "The draft.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AllocationRun"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/allocation-runs/{runId}/finalize": {
           "parameters": [
            {
             "name": "runId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "An allocation run id."
            }
           ],
           "post": {
            "summary": "Freeze a draft: the database refuses any later change (coordinator)",
            "responses": {
             "200": {
              "description": "The finalised run.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/AllocationRun"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/allocation-runs/{runId}/statements/{memberId}": {
           "parameters": [
            {
             "name": "runId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "An allocation run id."
            },
            {
             "name": "memberId",
             "in": "path",
             "required": true,
             "schema": {
              "type": "string"
             },
             "description": "A member id."
            }
           ],
           "get": {
            "summary": "A member's statement: JSON, or CSV with Accept: text/csv (a member user: its own, of finalised runs)",
            "responses": {
             "200": {
              "description": "The statement; CSV is UTF-8 with a header row, amounts in euros with two decimals.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Statement"
                }
               },
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          },
          "/api/v1/reports/pooling": {
           "get": {
            "summary": "The funders' pooling report for a period: JSON, or CSV with Accept: text/csv (coordinator)",
            "parameters": [
             {
              "name": "from",
              "in": "query",
              "required": true,
              "schema": {
               "type": "string",
               "format": "date",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
              },
              "description": "First day."
             },
             {
              "name": "to",
              "in": "query",
              "required": true,
              "schema": {
               "type": "string",
               "format": "date",
               "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
              },
              "description": "Day after the last."
             }
            ],
            "responses": {
             "200": {
              "description": "The report; CSV has one figure per row: section, id, name, metric, value.",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/PoolingReport"
                }
               },
               "text/csv": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/Malformed"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "403": {
              "$ref": "#/components/responses/Forbidden"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             },
             "503": {
              "$ref": "#/components/responses/Unavailable"
             }
            }
           }
          }
         },
         "components": {
          "schemas": {
           "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details.",
            "required": [
             "type",
             "title",
             "status",
             "detail",
             "errors"
            ],
            "properties": {
             "type": {
              "type": "string"
             },
             "title": {
              "type": "string"
             },
             "status": {
              "type": "integer"
             },
             "detail": {
              "type": "string"
             },
             "errors": {
              "type": "array",
              "items": {
               "type": "object",
               "required": [
                "field",
                "message"
               ],
               "properties": {
                "field": {
                 "type": "string"
                },
                "message": {
                 "type": "string"
                },
                "rule": {
                 "type": "string",
                 "description": "The booking rule broken."
                }
               }
              }
             },
             "conflicts": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Conflict"
              }
             }
            }
           },
           "Conflict": {
            "type": "object",
            "required": [
             "start",
             "end",
             "reason"
            ],
            "properties": {
             "start": {
              "type": "string",
              "format": "date-time"
             },
             "end": {
              "type": "string",
              "format": "date-time"
             },
             "reason": {
              "type": "string"
             },
             "rule": {
              "type": [
               "string",
               "null"
              ]
             }
            }
           },
           "CategoryInput": {
            "type": "object",
            "required": [
             "name",
             "coefficient"
            ],
            "properties": {
             "name": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
             },
             "coefficient": {
              "type": "number",
              "minimum": 0,
              "maximum": 10
             }
            },
            "additionalProperties": false
           },
           "Category": {
            "type": "object",
            "required": [
             "id",
             "name",
             "coefficient"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "coefficient": {
              "type": "number"
             }
            }
           },
           "MemberInput": {
            "type": "object",
            "properties": {
             "name": {
              "type": [
               "string",
               "null"
              ],
              "minLength": 1,
              "maxLength": 200
             },
             "legalForm": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "association",
               "scop",
               "scic",
               "cooperative",
               "mutual",
               "foundation",
               "company",
               "local-authority",
               "research-centre",
               "training-body",
               null
              ]
             },
             "siret": {
              "type": [
               "string",
               "null"
              ],
              "pattern": "^\\d{14}$"
             },
             "category": {
              "type": [
               "string",
               "null"
              ],
              "description": "A category id or name."
             },
             "headcount": {
              "type": [
               "number",
               "null"
              ],
              "minimum": 0,
              "maximum": 1000000
             },
             "annualBudgetCents": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 0,
              "maximum": 100000000000000
             },
             "joinedOn": {
              "type": [
               "string",
               "null"
              ],
              "format": "date",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             },
             "leftOn": {
              "type": [
               "string",
               "null"
              ],
              "format": "date",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             }
            },
            "additionalProperties": false
           },
           "Member": {
            "type": "object",
            "required": [
             "id",
             "name",
             "legalForm",
             "siret",
             "category",
             "headcount",
             "annualBudgetCents",
             "joinedOn",
             "leftOn"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "legalForm": {
              "type": "string",
              "enum": [
               "association",
               "scop",
               "scic",
               "cooperative",
               "mutual",
               "foundation",
               "company",
               "local-authority",
               "research-centre",
               "training-body"
              ]
             },
             "siret": {
              "type": [
               "string",
               "null"
              ]
             },
             "category": {
              "type": [
               "string",
               "null"
              ]
             },
             "headcount": {
              "type": "number"
             },
             "annualBudgetCents": {
              "type": "integer"
             },
             "joinedOn": {
              "type": "string",
              "format": "date"
             },
             "leftOn": {
              "type": [
               "string",
               "null"
              ],
              "format": "date"
             }
            }
           },
           "UserInput": {
            "type": "object",
            "required": [
             "email",
             "name",
             "role"
            ],
            "properties": {
             "email": {
              "type": "string",
              "format": "email",
              "minLength": 3,
              "maxLength": 320
             },
             "name": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
             },
             "role": {
              "type": "string",
              "enum": [
               "coordinator",
               "member"
              ]
             },
             "memberId": {
              "type": [
               "string",
               "null"
              ],
              "format": "uuid"
             }
            },
            "additionalProperties": false
           },
           "User": {
            "type": "object",
            "required": [
             "id",
             "poleId",
             "email",
             "name",
             "role"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "poleId": {
              "type": "string"
             },
             "email": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "role": {
              "type": "string",
              "enum": [
               "coordinator",
               "member"
              ]
             },
             "memberId": {
              "type": [
               "string",
               "null"
              ]
             }
            }
           },
           "TokenInput": {
            "type": "object",
            "properties": {
             "scope": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "api",
               "calendar",
               null
              ]
             },
             "label": {
              "type": [
               "string",
               "null"
              ],
              "minLength": 0,
              "maxLength": 200
             }
            },
            "additionalProperties": false
           },
           "Token": {
            "type": "object",
            "required": [
             "token",
             "scope"
            ],
            "properties": {
             "token": {
              "type": "string"
             },
             "scope": {
              "type": "string",
              "enum": [
               "api",
               "calendar"
              ]
             }
            }
           },
           "Rules": {
            "type": "object",
            "properties": {
             "openingHours": {
              "type": [
               "object",
               "null"
              ],
              "description": "Weekday (monday...sunday) to opening ranges in the pole's local time; absent: always open.",
              "additionalProperties": {
               "type": "array",
               "items": {
                "type": "object",
                "required": [
                 "opens",
                 "closes"
                ],
                "properties": {
                 "opens": {
                  "type": "string",
                  "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"
                 },
                 "closes": {
                  "type": "string",
                  "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"
                 }
                },
                "additionalProperties": false
               }
              },
              "propertyNames": {
               "enum": [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday"
               ]
              }
             },
             "slotMinutes": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 1440
             },
             "minDurationMinutes": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 527040
             },
             "maxDurationMinutes": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 527040,
              "description": "The longest booking, in minutes; 44640 (31 days) when not given.",
              "default": 44640
             },
             "minNoticeMinutes": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 0,
              "maximum": 527040
             },
             "maxHorizonDays": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 3660,
              "description": "How many days ahead a booking may start; 730 (two years) when not given.",
              "default": 730
             },
             "bufferMinutes": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 0,
              "maximum": 527040
             },
             "approvalRequired": {
              "type": [
               "boolean",
               "null"
              ]
             },
             "cancellationDeadlineMinutes": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 0,
              "maximum": 527040
             },
             "monthlyQuotaHours": {
              "type": [
               "number",
               "null"
              ],
              "description": "Unit-hours one member may hold per calendar month.",
              "exclusiveMinimum": 0,
              "maximum": 744000
             }
            },
            "additionalProperties": false
           },
           "ResourceInput": {
            "type": "object",
            "properties": {
             "name": {
              "type": [
               "string",
               "null"
              ],
              "minLength": 1,
              "maxLength": 200
             },
             "kind": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "equipment",
               "staff",
               "premises",
               null
              ]
             },
             "units": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 1000
             },
             "ownerMemberId": {
              "type": [
               "string",
               "null"
              ],
              "format": "uuid"
             },
             "rules": {
              "$ref": "#/components/schemas/Rules"
             }
            },
            "additionalProperties": false
           },
           "Resource": {
            "type": "object",
            "required": [
             "id",
             "name",
             "kind",
             "units",
             "rules"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "kind": {
              "type": "string",
              "enum": [
               "equipment",
               "staff",
               "premises"
              ]
             },
             "units": {
              "type": "integer"
             },
             "ownerMemberId": {
              "type": [
               "string",
               "null"
              ]
             },
             "rules": {
              "$ref": "#/components/schemas/Rules"
             }
            }
           },
           "BlackoutInput": {
            "type": "object",
            "required": [
             "start",
             "end"
            ],
            "properties": {
             "start": {
              "type": "string",
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             },
             "end": {
              "type": "string",
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             },
             "reason": {
              "type": [
               "string",
               "null"
              ],
              "minLength": 0,
              "maxLength": 2000
             }
            },
            "additionalProperties": false
           },
           "Availability": {
            "type": "object",
            "required": [
             "free"
            ],
            "properties": {
             "free": {
              "type": "array",
              "items": {
               "type": "object",
               "required": [
                "start",
                "end",
                "units"
               ],
               "properties": {
                "start": {
                 "type": "string",
                 "format": "date-time"
                },
                "end": {
                 "type": "string",
                 "format": "date-time"
                },
                "units": {
                 "type": "integer"
                }
               }
              }
             }
            }
           },
           "Recurrence": {
            "type": "object",
            "required": [
             "frequency"
            ],
            "properties": {
             "frequency": {
              "type": "string",
              "enum": [
               "daily",
               "weekly",
               "monthly"
              ]
             },
             "interval": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 366
             },
             "weekdays": {
              "type": [
               "array",
               "null"
              ],
              "items": {
               "type": "string",
               "enum": [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday"
               ]
              }
             },
             "count": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 500
             },
             "until": {
              "type": [
               "string",
               "null"
              ],
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             }
            },
            "additionalProperties": false
           },
           "BookingInput": {
            "type": "object",
            "required": [
             "resourceId",
             "start",
             "end"
            ],
            "properties": {
             "resourceId": {
              "type": "string",
              "format": "uuid"
             },
             "memberId": {
              "type": [
               "string",
               "null"
              ],
              "description": "Required for a coordinator; a member user books for its own member.",
              "format": "uuid"
             },
             "start": {
              "type": "string",
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             },
             "end": {
              "type": "string",
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             },
             "quantity": {
              "type": [
               "integer",
               "null"
              ],
              "minimum": 1,
              "maximum": 1000
             },
             "note": {
              "type": [
               "string",
               "null"
              ],
              "maxLength": 2000,
              "minLength": 0
             },
             "recurrence": {
              "$ref": "#/components/schemas/Recurrence"
             },
             "onConflict": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "skip",
               "fail",
               null
              ]
             }
            },
            "additionalProperties": false
           },
           "Booking": {
            "type": "object",
            "required": [
             "id",
             "resourceId",
             "memberId",
             "start",
             "end",
             "quantity",
             "status",
             "note",
             "seriesId",
             "lateCancellation"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "resourceId": {
              "type": "string"
             },
             "memberId": {
              "type": "string"
             },
             "start": {
              "type": "string",
              "format": "date-time"
             },
             "end": {
              "type": "string",
              "format": "date-time"
             },
             "quantity": {
              "type": "integer"
             },
             "status": {
              "type": "string",
              "enum": [
               "pending",
               "confirmed",
               "rejected",
               "cancelled"
              ]
             },
             "note": {
              "type": "string"
             },
             "seriesId": {
              "type": [
               "string",
               "null"
              ]
             },
             "lateCancellation": {
              "type": "boolean"
             }
            }
           },
           "Series": {
            "type": "object",
            "required": [
             "seriesId",
             "bookings",
             "conflicts"
            ],
            "properties": {
             "seriesId": {
              "type": "string"
             },
             "bookings": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Booking"
              }
             },
             "conflicts": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/Conflict"
              }
             }
            }
           },
           "AllocationRule": {
            "type": "object",
            "required": [
             "method"
            ],
            "properties": {
             "method": {
              "type": "string",
              "enum": [
               "usage",
               "equal",
               "weighted",
               "fixed",
               "hybrid"
              ]
             },
             "basis": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "booked",
               "actual",
               null
              ],
              "default": "booked",
              "description": "usage and the variable part of hybrid: booked unit-hours of confirmed bookings (and late cancellations), or recorded actual usage"
             },
             "idle": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "full",
               "absorb",
               null
              ],
              "default": "full",
              "description": "absorb charges users cost × used / available (units × opening hours) and leaves the rest unallocated"
             },
             "weight": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "headcount",
               "budget",
               null
              ],
              "description": "weighted"
             },
             "fixedShares": {
              "type": [
               "object",
               "null"
              ],
              "additionalProperties": {
               "type": "number",
               "minimum": 0,
               "maximum": 100
              },
              "description": "fixed: percentages by member id, summing to 100",
              "propertyNames": {
               "format": "uuid"
              }
             },
             "fixedPart": {
              "type": [
               "number",
               "null"
              ],
              "minimum": 0,
              "maximum": 1,
              "description": "hybrid: the fixed part, 0.4 is 40 %"
             },
             "fixedKey": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "equal",
               "headcount",
               "budget",
               null
              ],
              "description": "hybrid: the key of the fixed part"
             }
            },
            "description": "A resource without a rule uses usage/booked/full; a pole-wide cost without one, equal.",
            "additionalProperties": false
           },
           "AllocationRuleInput": {
            "type": "object",
            "required": [
             "method"
            ],
            "properties": {
             "method": {
              "type": "string",
              "enum": [
               "usage",
               "equal",
               "weighted",
               "fixed",
               "hybrid"
              ]
             },
             "basis": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "booked",
               "actual",
               null
              ],
              "default": "booked",
              "description": "usage and the variable part of hybrid: booked unit-hours of confirmed bookings (and late cancellations), or recorded actual usage"
             },
             "idle": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "full",
               "absorb",
               null
              ],
              "default": "full",
              "description": "absorb charges users cost × used / available (units × opening hours) and leaves the rest unallocated"
             },
             "weight": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "headcount",
               "budget",
               null
              ],
              "description": "weighted"
             },
             "fixedShares": {
              "type": [
               "object",
               "null"
              ],
              "additionalProperties": {
               "type": "number",
               "minimum": 0,
               "maximum": 100
              },
              "description": "fixed: percentages by member id, summing to 100",
              "propertyNames": {
               "format": "uuid"
              }
             },
             "fixedPart": {
              "type": [
               "number",
               "null"
              ],
              "minimum": 0,
              "maximum": 1,
              "description": "hybrid: the fixed part, 0.4 is 40 %"
             },
             "fixedKey": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "equal",
               "headcount",
               "budget",
               null
              ],
              "description": "hybrid: the key of the fixed part"
             },
             "effectiveFrom": {
              "type": [
               "string",
               "null"
              ],
              "format": "date",
              "description": "The first day the rule applies to (a cost is shared by the rule in force on the first day of its period); without it, the rule applies since always.",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             }
            },
            "description": "A resource without a rule uses usage/booked/full; a pole-wide cost without one, equal.",
            "additionalProperties": false
           },
           "DatedAllocationRule": {
            "type": "object",
            "required": [
             "method",
             "resourceId",
             "effectiveFrom",
             "default"
            ],
            "properties": {
             "method": {
              "type": "string",
              "enum": [
               "usage",
               "equal",
               "weighted",
               "fixed",
               "hybrid"
              ]
             },
             "basis": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "booked",
               "actual",
               null
              ],
              "default": "booked",
              "description": "usage and the variable part of hybrid: booked unit-hours of confirmed bookings (and late cancellations), or recorded actual usage"
             },
             "idle": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "full",
               "absorb",
               null
              ],
              "default": "full",
              "description": "absorb charges users cost × used / available (units × opening hours) and leaves the rest unallocated"
             },
             "weight": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "headcount",
               "budget",
               null
              ],
              "description": "weighted"
             },
             "fixedShares": {
              "type": [
               "object",
               "null"
              ],
              "additionalProperties": {
               "type": "number"
              },
              "description": "fixed: percentages by member id, summing to 100"
             },
             "fixedPart": {
              "type": [
               "number",
               "null"
              ],
              "minimum": 0,
              "maximum": 1,
              "description": "hybrid: the fixed part, 0.4 is 40 %"
             },
             "fixedKey": {
              "type": [
               "string",
               "null"
              ],
              "enum": [
               "equal",
               "headcount",
               "budget",
               null
              ],
              "description": "hybrid: the key of the fixed part"
             },
             "resourceId": {
              "type": "string"
             },
             "effectiveFrom": {
              "type": [
               "string",
               "null"
              ],
              "format": "date"
             },
             "default": {
              "type": "boolean",
              "description": "True when the resource has no rule in force and the default applies."
             }
            },
            "description": "A resource without a rule uses usage/booked/full; a pole-wide cost without one, equal."
           },
           "UsageInput": {
            "type": "object",
            "required": [
             "resourceId",
             "memberId",
             "start",
             "end",
             "unit"
            ],
            "properties": {
             "resourceId": {
              "type": "string",
              "format": "uuid"
             },
             "memberId": {
              "type": "string",
              "format": "uuid"
             },
             "start": {
              "type": "string",
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             },
             "end": {
              "type": "string",
              "format": "date-time",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
             },
             "quantity": {
              "type": [
               "number",
               "null"
              ],
              "description": "At most three decimals; for hours, the time from start to end by default."
             },
             "unit": {
              "type": "string",
              "enum": [
               "hours",
               "km",
               "uses"
              ],
              "description": "A resource's usage is recorded in one unit."
             },
             "note": {
              "type": [
               "string",
               "null"
              ],
              "minLength": 0,
              "maxLength": 2000
             }
            },
            "additionalProperties": false
           },
           "Usage": {
            "type": "object",
            "required": [
             "id",
             "resourceId",
             "memberId",
             "start",
             "end",
             "quantity",
             "unit"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "resourceId": {
              "type": "string"
             },
             "memberId": {
              "type": "string"
             },
             "start": {
              "type": "string",
              "format": "date-time"
             },
             "end": {
              "type": "string",
              "format": "date-time"
             },
             "quantity": {
              "type": "number"
             },
             "unit": {
              "type": "string",
              "enum": [
               "hours",
               "km",
               "uses"
              ]
             }
            }
           },
           "CostInput": {
            "type": "object",
            "required": [
             "periodStart",
             "periodEnd",
             "amountCents",
             "category",
             "label"
            ],
            "properties": {
             "resourceId": {
              "type": [
               "string",
               "null"
              ],
              "description": "Without it, a pole-wide cost.",
              "format": "uuid"
             },
             "periodStart": {
              "type": "string",
              "format": "date",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             },
             "periodEnd": {
              "type": "string",
              "format": "date",
              "description": "Exclusive.",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             },
             "amountCents": {
              "type": "integer",
              "minimum": 0,
              "maximum": 1000000000000
             },
             "category": {
              "type": "string",
              "enum": [
               "rent",
               "salary",
               "leasing",
               "insurance",
               "maintenance",
               "depreciation",
               "energy",
               "supplies",
               "other"
              ]
             },
             "label": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
             },
             "rule": {
              "$ref": "#/components/schemas/AllocationRule"
             }
            },
            "additionalProperties": false
           },
           "Cost": {
            "type": "object",
            "required": [
             "id",
             "resourceId",
             "periodStart",
             "periodEnd",
             "amountCents",
             "category",
             "label",
             "rule"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "resourceId": {
              "type": [
               "string",
               "null"
              ]
             },
             "periodStart": {
              "type": "string",
              "format": "date"
             },
             "periodEnd": {
              "type": "string",
              "format": "date"
             },
             "amountCents": {
              "type": "integer"
             },
             "category": {
              "type": "string",
              "enum": [
               "rent",
               "salary",
               "leasing",
               "insurance",
               "maintenance",
               "depreciation",
               "energy",
               "supplies",
               "other"
              ]
             },
             "label": {
              "type": "string"
             },
             "rule": {
              "oneOf": [
               {
                "$ref": "#/components/schemas/AllocationRule"
               },
               {
                "type": "null"
               }
              ]
             }
            }
           },
           "AllocationRunInput": {
            "type": "object",
            "required": [
             "periodStart",
             "periodEnd"
            ],
            "properties": {
             "periodStart": {
              "type": "string",
              "format": "date",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             },
             "periodEnd": {
              "type": "string",
              "format": "date",
              "description": "Exclusive. The run shares every cost whose period lies inside, and that no finalised run shares.",
              "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
             }
            },
            "additionalProperties": false
           },
           "AllocationRun": {
            "type": "object",
            "required": [
             "id",
             "status",
             "periodStart",
             "periodEnd",
             "totalCents",
             "allocatedCents",
             "unallocatedCents",
             "createdAt",
             "computedAt",
             "finalizedAt",
             "costs",
             "lines"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "status": {
              "type": "string",
              "enum": [
               "draft",
               "finalized"
              ]
             },
             "periodStart": {
              "type": "string",
              "format": "date"
             },
             "periodEnd": {
              "type": "string",
              "format": "date"
             },
             "totalCents": {
              "type": "integer"
             },
             "allocatedCents": {
              "type": "integer"
             },
             "unallocatedCents": {
              "type": "integer",
              "description": "Left to the pole: idle capacity under absorb, costs nobody used."
             },
             "createdAt": {
              "type": "string",
              "format": "date-time"
             },
             "computedAt": {
              "type": "string",
              "format": "date-time"
             },
             "finalizedAt": {
              "type": [
               "string",
               "null"
              ],
              "format": "date-time"
             },
             "costs": {
              "type": "array",
              "items": {
               "type": "object",
               "required": [
                "costId",
                "label",
                "category",
                "resourceId",
                "amountCents",
                "unallocatedCents",
                "rule",
                "basisUnit",
                "creditMemberId"
               ],
               "properties": {
                "costId": {
                 "type": "string"
                },
                "label": {
                 "type": "string"
                },
                "category": {
                 "type": "string"
                },
                "resourceId": {
                 "type": [
                  "string",
                  "null"
                 ]
                },
                "amountCents": {
                 "type": "integer"
                },
                "unallocatedCents": {
                 "type": "integer"
                },
                "rule": {
                 "$ref": "#/components/schemas/AllocationRule"
                },
                "basisUnit": {
                 "type": "string",
                 "enum": [
                  "hours",
                  "km",
                  "uses",
                  "days",
                  "fte",
                  "euros",
                  "percent"
                 ]
                },
                "creditMemberId": {
                 "type": [
                  "string",
                  "null"
                 ],
                 "description": "The member that contributed the resource, credited with the cost."
                }
               }
              }
             },
             "lines": {
              "type": "array",
              "items": {
               "type": "object",
               "required": [
                "memberId",
                "costId",
                "basis",
                "share",
                "amountCents"
               ],
               "properties": {
                "memberId": {
                 "type": "string"
                },
                "costId": {
                 "type": "string"
                },
                "basis": {
                 "type": "number",
                 "description": "After the member's coefficient, in the cost's basisUnit."
                },
                "share": {
                 "type": "number",
                 "description": "The exact share before rounding, 0 to 1."
                },
                "amountCents": {
                 "type": "integer"
                }
               }
              }
             }
            }
           },
           "AllocationRunSummary": {
            "type": "object",
            "required": [
             "id",
             "status",
             "periodStart",
             "periodEnd",
             "totalCents",
             "unallocatedCents",
             "costCount",
             "createdAt"
            ],
            "properties": {
             "id": {
              "type": "string"
             },
             "status": {
              "type": "string",
              "enum": [
               "draft",
               "finalized"
              ]
             },
             "periodStart": {
              "type": "string",
              "format": "date"
             },
             "periodEnd": {
              "type": "string",
              "format": "date"
             },
             "totalCents": {
              "type": "integer"
             },
             "unallocatedCents": {
              "type": "integer"
             },
             "costCount": {
              "type": "integer"
             },
             "createdAt": {
              "type": "string",
              "format": "date-time"
             },
             "finalizedAt": {
              "type": [
               "string",
               "null"
              ],
              "format": "date-time"
             }
            }
           },
           "Statement": {
            "type": "object",
            "required": [
             "runId",
             "status",
             "periodStart",
             "periodEnd",
             "memberId",
             "memberName",
             "currency",
             "lines",
             "credits",
             "chargedCents",
             "creditedCents",
             "netCents"
            ],
            "properties": {
             "runId": {
              "type": "string"
             },
             "status": {
              "type": "string"
             },
             "periodStart": {
              "type": "string",
              "format": "date"
             },
             "periodEnd": {
              "type": "string",
              "format": "date"
             },
             "memberId": {
              "type": "string"
             },
             "memberName": {
              "type": "string"
             },
             "currency": {
              "type": "string"
             },
             "lines": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "costId": {
                 "type": "string"
                },
                "label": {
                 "type": "string"
                },
                "category": {
                 "type": "string"
                },
                "resourceId": {
                 "type": [
                  "string",
                  "null"
                 ]
                },
                "periodStart": {
                 "type": "string",
                 "format": "date"
                },
                "periodEnd": {
                 "type": "string",
                 "format": "date"
                },
                "method": {
                 "type": "string"
                },
                "basis": {
                 "type": "number"
                },
                "basisUnit": {
                 "type": "string"
                },
                "share": {
                 "type": "number"
                },
                "amountCents": {
                 "type": "integer"
                }
               }
              }
             },
             "credits": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "costId": {
                 "type": "string"
                },
                "label": {
                 "type": "string"
                },
                "category": {
                 "type": "string"
                },
                "resourceId": {
                 "type": [
                  "string",
                  "null"
                 ]
                },
                "amountCents": {
                 "type": "integer"
                }
               }
              }
             },
             "chargedCents": {
              "type": "integer"
             },
             "creditedCents": {
              "type": "integer"
             },
             "netCents": {
              "type": "integer",
              "description": "Charged minus credited; negative when the member receives."
             }
            }
           },
           "PoolingReport": {
            "type": "object",
            "required": [
             "from",
             "to",
             "currency",
             "resources",
             "staff",
             "costs",
             "members"
            ],
            "properties": {
             "from": {
              "type": "string",
              "format": "date"
             },
             "to": {
              "type": "string",
              "format": "date"
             },
             "currency": {
              "type": "string"
             },
             "resources": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "resourceId": {
                 "type": "string"
                },
                "name": {
                 "type": "string"
                },
                "kind": {
                 "type": "string"
                },
                "units": {
                 "type": "integer"
                },
                "bookings": {
                 "type": "integer"
                },
                "bookedHours": {
                 "type": "number"
                },
                "availableHours": {
                 "type": "number"
                },
                "utilisationPercent": {
                 "type": [
                  "number",
                  "null"
                 ]
                },
                "membersServed": {
                 "type": "integer"
                }
               }
              }
             },
             "staff": {
              "type": "object",
              "properties": {
               "hoursPerFte": {
                "type": "number"
               },
               "fte": {
                "type": "number"
               },
               "resources": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "resourceId": {
                   "type": "string"
                  },
                  "name": {
                   "type": "string"
                  },
                  "bookedHours": {
                   "type": "number"
                  },
                  "recordedHours": {
                   "type": [
                    "number",
                    "null"
                   ]
                  },
                  "hours": {
                   "type": "number"
                  },
                  "fte": {
                   "type": "number"
                  }
                 }
                }
               }
              }
             },
             "costs": {
              "type": "object",
              "properties": {
               "pooledCents": {
                "type": "integer"
               },
               "allocatedCents": {
                "type": "integer"
               },
               "unallocatedCents": {
                "type": "integer"
               },
               "notFinalizedCents": {
                "type": "integer"
               },
               "creditedCents": {
                "type": "integer"
               },
               "byCategory": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "category": {
                   "type": "string"
                  },
                  "pooledCents": {
                   "type": "integer"
                  },
                  "allocatedCents": {
                   "type": "integer"
                  },
                  "unallocatedCents": {
                   "type": "integer"
                  },
                  "notFinalizedCents": {
                   "type": "integer"
                  },
                  "creditedCents": {
                   "type": "integer"
                  }
                 }
                }
               }
              }
             },
             "members": {
              "type": "object",
              "properties": {
               "active": {
                "type": "integer"
               },
               "served": {
                "type": "integer"
               },
               "byLegalForm": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "legalForm": {
                   "type": "string"
                  },
                  "count": {
                   "type": "integer"
                  }
                 }
                }
               }
              }
             }
            }
           }
          },
          "securitySchemes": {
           "bearer": {
            "type": "http",
            "scheme": "bearer"
           },
           "calendarKey": {
            "type": "apiKey",
            "in": "query",
            "name": "key"
           }
          },
          "parameters": {
           "limit": {
            "name": "limit",
            "in": "query",
            "schema": {
             "type": "integer",
             "minimum": 1,
             "maximum": 1000,
             "default": 100
            }
           },
           "cursor": {
            "name": "cursor",
            "in": "query",
            "schema": {
             "type": "string",
             "minLength": 1
            }
           },
           "key": {
            "name": "key",
            "in": "query",
            "required": false,
            "schema": {
             "type": "string"
            },
            "description": "A calendar key, for apps that cannot send a header."
           }
          },
          "responses": {
           "Malformed": {
            "description": "Malformed request.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Unauthorized": {
            "description": "No or bad token.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Forbidden": {
            "description": "The role may not do this.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "NotFound": {
            "description": "Unknown, or not yours.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Conflict": {
            "description": "Slot taken, or the state does not allow it.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Unprocessable": {
            "description": "Valid JSON that breaks a rule.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "Unavailable": {
            "description": "The database cannot be reached, no connection became free in time, or a statement ran past its timeout; retry after Retry-After seconds.",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           },
           "TooLarge": {
            "description": "The body is larger than the server accepts (1 MB by default).",
            "content": {
             "application/problem+json": {
              "schema": {
               "$ref": "#/components/schemas/Problem"
              }
             }
            }
           }
          }
         }
        }
        """#
}
