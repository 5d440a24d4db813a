package io.tapecast.gateway.problems;

import io.tapecast.gateway.control.RunAlreadyFinishedException;
import io.tapecast.gateway.runs.UnknownBacktestException;
import io.tapecast.gateway.security.ForbiddenException;
import io.tapecast.gateway.security.TooManyRequestsException;
import io.tapecast.gateway.start.InvalidRequestException;
import io.tapecast.gateway.start.KafkaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
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

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The gateway failed to handle this request; it has been logged.");
    }

    /**
     * Errors Spring MVC answers itself (a malformed query value, an unsupported media type, a wrong method, an unknown
     * path) get a tapecast problem type too, so every problem names one.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPES + switch (statusCode.value()) {
                case 400 -> "bad-request";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "body-too-large";
                case 415 -> "unsupported-media-type";
                default -> "http-" + statusCode.value();
            }));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
