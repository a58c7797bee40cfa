package io.passerelle.api;

import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.InvalidItemException;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the controllers of financial documents and of their approval share: their query parameters, and their
 * problems as answers (400 naming each field, 409 naming the field that clashes, 404 naming the id parameter).
 */
abstract class ItemController {

    /** The path parameter a 404 names: {@code id} or {@code itemId}. */
    abstract String idParameter();

    static ApprovalState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return ApprovalState.parse(state).orElseThrow(() -> new InvalidParameterException("state",
                "READY, ACCEPTED, REJECTED or EXPORTED"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @ExceptionHandler(InvalidItemException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidItemException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems()));
    }

    @ExceptionHandler(ItemConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ItemConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, e.getMessage(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(ItemNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ItemNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, e.getMessage(), idParameter(), e.getMessage()));
    }
}
