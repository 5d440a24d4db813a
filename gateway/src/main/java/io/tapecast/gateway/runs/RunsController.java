package io.tapecast.gateway.runs;

import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.security.AccessPolicy;
import io.tapecast.gateway.security.Caller;
import io.tapecast.gateway.security.ForbiddenException;
import io.tapecast.gateway.start.StreamUrls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tapecast.schemas.backtest.BacktestState;
import io.tapecast.schemas.backtest.BacktestStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code GET /api/backtesting/{id}} and {@code GET /api/backtesting}, served from this node's status index. */
@RestController
final class RunsController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final StatusIndex index;
    private final AccessPolicy access;

    RunsController(StatusIndex index, AccessPolicy access) {
        this.index = index;
        this.access = access;
    }

    /** A run's status: only for its owner or an admin (403 otherwise). */
    @GetMapping("/api/backtesting/{id}")
    RunView get(@PathVariable("id") String id) {
        BacktestStatus status = index.find(id).orElseThrow(() -> new UnknownBacktestException(id));
        access.requireRunAccess(access.currentCaller(), status.request().owner(), id);
        return RunView.of(status, StreamUrls.forBacktest(status.backtestId()));
    }

    /**
     * Runs known to this node's index, newest first, filtered by {@code status} (a state: queued, running, paused,
     * completed, failed, cancelled; comma-separated for several) and {@code owner}, {@code size} per page
     * (1-{@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}), pages numbered from 0. A user sees only the
     * runs they started (asking for another {@code owner} is a 403); an admin sees all.
     */
    @GetMapping("/api/backtesting")
    RunsPage list(@RequestParam(name = "status", required = false) String status,
                  @RequestParam(name = "owner", required = false) String owner,
                  @RequestParam(name = "page", defaultValue = "0") int page,
                  @RequestParam(name = "size", defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        Set<BacktestState> states = states(status);
        Caller caller = access.currentCaller();
        if (owner != null && !owner.isBlank() && !caller.mayAccessRunOf(owner)) {
            throw new ForbiddenException("only an admin may list another user's runs");
        }
        List<BacktestStatus> matching = index.all().stream()
                .filter(run -> states.isEmpty() || states.contains(run.state()))
                .filter(run -> owner == null || owner.isBlank() || owner.equals(run.request().owner()))
                .filter(run -> caller.mayAccessRunOf(run.request().owner()))
                .toList();
        List<RunView> items = matching.stream()
                .skip((long) page * size)
                .limit(size)
                .map(run -> RunView.of(run, StreamUrls.forBacktest(run.backtestId())))
                .toList();
        return new RunsPage(items, page, size, matching.size());
    }

    private static Set<BacktestState> states(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        Set<BacktestState> states = EnumSet.noneOf(BacktestState.class);
        for (String name : status.split(",")) {
            try {
                states.add(BacktestState.valueOf(name.strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status '" + name.strip()
                        + "'; one of " + Arrays.toString(BacktestState.values()));
            }
        }
        return states;
    }
}
