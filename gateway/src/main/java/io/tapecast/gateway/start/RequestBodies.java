package io.tapecast.gateway.start;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;

/** Reads a JSON body, turning every way it can be wrong into field errors rather than a stack trace. */
final class RequestBodies {

    private RequestBodies() {
    }

    static <T> T read(ObjectReader reader, byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(List.of(new FieldError("body", "a JSON object is required")));
        }
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new InvalidRequestException(List.of(new FieldError("body", "a JSON object is required")));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "unknown field")));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new InvalidRequestException(List.of(new FieldError(field.isEmpty() ? "body" : field,
                    field.isEmpty() ? "must be a JSON object" : "has the wrong type" + expected(e))));
        } catch (DatabindException e) {
            String field = path(e);
            throw new InvalidRequestException(List.of(new FieldError(field.isEmpty() ? "body" : field, "is invalid")));
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(new FieldError("body", "malformed JSON" + at(e.getLocation()))));
        }
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return ": expected a number";
        }
        if (target == String.class) {
            return ": expected a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return ": expected an array";
        }
        if (java.util.Map.class.isAssignableFrom(target)) {
            return ": expected an object";
        }
        return "";
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

}
