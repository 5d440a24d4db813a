package io.tapecast.worker.intake;

import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.backtest.StartBacktest;
import io.tapecast.worker.run.BacktestRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.core.JacksonException;

/**
 * Takes start requests off {@code backtest.requests} one at a time and runs each to its outcome before
 * returning; the container commits the offset only after that (ack mode RECORD), so a worker that dies
 * mid-run leaves the request to another worker of the group.
 */
public final class BacktestRequestListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(BacktestRequestListener.class);

    private final BacktestRunner runner;

    public BacktestRequestListener(BacktestRunner runner) {
        this.runner = runner;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        StartBacktest request;
        try {
            request = WireJson.mapper().readValue(record.value(), StartBacktest.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // A request that cannot be read will never be readable: skip it rather than block the partition.
            log.error("skipping unreadable start request at {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return;
        }
        runner.run(request);
    }
}
