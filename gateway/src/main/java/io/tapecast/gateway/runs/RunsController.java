package io.tapecast.gateway.runs;

import io.tapecast.gateway.index.StatusIndex;
import io.tapecast.gateway.start.StreamUrls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/backtesting/{id}} and {@code GET /api/backtesting}, served from this node's status index. */
@RestController
final class RunsController {

    private final StatusIndex index;

    RunsController(StatusIndex index) {
        this.index = index;
    }

    @GetMapping("/api/backtesting/{id}")
    RunView get(@PathVariable("id") String id) {
        return index.find(id)
                .map(status -> RunView.of(status, StreamUrls.forBacktest(status.backtestId())))
                .orElseThrow(() -> new UnknownBacktestException(id));
    }

    /** Every run known to the index, newest first. */
    @GetMapping("/api/backtesting")
    List<RunView> list() {
        return index.all().stream().map(status -> RunView.of(status, StreamUrls.forBacktest(status.backtestId()))).toList();
    }
}
