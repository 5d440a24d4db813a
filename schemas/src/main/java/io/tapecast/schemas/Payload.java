package io.tapecast.schemas;

/**
 * The {@code data} of an envelope. Each payload knows its envelope {@code type}, so a producer cannot
 * pair a payload with the wrong type name.
 */
public interface Payload {

    /** The envelope {@code type} this payload travels under. */
    String eventType();
}
