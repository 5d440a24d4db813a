package io.tapecast.worker.run;

/**
 * The broker did not take an event or a status. Never turned into an {@code error} event: the run's
 * request stays uncommitted and is retried, which reproduces the same events (readers drop known seqs).
 */
public final class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
