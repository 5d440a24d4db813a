package io.tapecast.gateway.start;

/** Kafka did not take a record in time; answered with 503 so the client can retry. */
public final class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
