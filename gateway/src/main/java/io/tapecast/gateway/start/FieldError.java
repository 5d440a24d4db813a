package io.tapecast.gateway.start;

/** One problem with one field of a request, as listed in a 400 problem+json {@code errors} array. */
public record FieldError(String field, String message) {
}
