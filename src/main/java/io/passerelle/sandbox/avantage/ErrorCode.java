package io.passerelle.sandbox.avantage;

/** MainTCP error codes (spec §3), spelled as on the wire. */
enum ErrorCode {
    BAD_REQUEST,
    AUTH_FAILED,
    TOKEN_EXPIRED,
    UNKNOWN_OP,
    UNKNOWN_ENTITY,
    TOO_LARGE,
    BUSY,
    INTERNAL
}
