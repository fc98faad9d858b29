package org.kiban.care.cli;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** Placeholder replaced by the eligibility job. */
@Component
@Command(name = "daily", description = "日次処理")
class DailyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
