package org.kiban.care.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.kiban.care.internal.CareDailyJob;
import org.kiban.care.internal.InsuredRegister;
import org.kiban.common.LgCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiban care daily --tenant 141003 [--date 2026-04-01]}: the nightly 資格取得 job for one tenant and date. */
@Component
@Command(name = "daily", mixinStandardHelpOptions = true,
        description = "日次処理：65歳に達した住民の第1号被保険者資格を取得させます（業務日付を指定可）")
class DailyCommand implements Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
    String tenant;

    @Option(names = "--date", description = "業務日付 YYYY-MM-DD（既定は今日）")
    LocalDate date;

    private final CareDailyJob job;

    DailyCommand(CareDailyJob job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        String lgCode = LgCode.of(tenant).value();
        LocalDate on = date == null ? LocalDate.now() : date;
        long start = System.nanoTime();
        InsuredRegister.DailyResult r = job.run(lgCode, on);
        System.out.printf("%s %s: 住民 %,d 人を確認し、%,d 人が第1号被保険者の資格を取得しました（%.1f 秒）。%n",
                lgCode, on, r.residentsRead(), r.acquired(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
