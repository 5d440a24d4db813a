package io.tapecast.gateway.problems;

import io.tapecast.gateway.control.RunAlreadyFinishedException;
import io.tapecast.gateway.runs.UnknownBacktestException;
import io.tapecast.gateway.start.InvalidRequestException;
import io.tapecast.gateway.start.KafkaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * Every REST error is RFC 9457 problem+json; validation errors list each field. Unexpected failures are
 * logged here and answered without internals: never a stack trace on the wire.
 */
@RestControllerAdvice
final class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPES = "https://tapecast.io/problems/";

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has " + e.errors().size() + " invalid field(s).");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(UnknownBacktestException.class)
    ProblemDetail unknown(UnknownBacktestException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-backtest", "Unknown backtest", e.getMessage());
    }

    @ExceptionHandler(RunAlreadyFinishedException.class)
    ProblemDetail finished(RunAlreadyFinishedException e) {
        return problem(HttpStatus.CONFLICT, "run-finished", "Run already finished", e.getMessage());
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ProblemDetail kafkaUnavailable(KafkaUnavailableException e) {
        log.warn("{}", e.getMessage(), e.getCause());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                "The run could not be handed to the workers; nothing was started. Try again.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The gateway failed to handle this request; it has been logged.");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
