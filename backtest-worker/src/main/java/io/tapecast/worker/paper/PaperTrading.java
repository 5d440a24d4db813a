package io.tapecast.worker.paper;

import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.List;

/** Runs every configured paper account on its own thread while the application runs. */
public final class PaperTrading implements SmartLifecycle {

    private final List<PaperTrader> traders;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public PaperTrading(List<PaperTrader> traders) {
        this.traders = List.copyOf(traders);
    }

    public List<PaperTrader> traders() {
        return traders;
    }

    @Override
    public synchronized void start() {
        for (PaperTrader trader : traders) {
            Thread thread = new Thread(trader, "paper-" + trader.accountId());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        traders.forEach(PaperTrader::stop);
        for (Thread thread : threads) {
            try {
                // a trader stops after its current poll; one blocked on an unreachable broker is interrupted
                thread.join(2_000);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
