package org.kiban.care.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenant;
import org.kiban.tenancy.TenantState;
import org.kiban.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily 介護保険 job that needs no clerk: 資格取得 of everyone who attains 65, for one tenant and business date
 * ({@code kiban care daily}) or, each night at 00:30 Japan time, for every live tenant (the server only).
 */
@Service
public class CareDailyJob {

    private static final Logger log = LoggerFactory.getLogger(CareDailyJob.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final InsuredRegister register;
    private final Tenants tenants;
    private final TransactionTemplate tx;

    CareDailyJob(InsuredRegister register, Tenants tenants, TransactionTemplate tx) {
        this.register = register;
        this.tenants = tenants;
        this.tx = tx;
    }

    public InsuredRegister.DailyResult run(String lgCode, LocalDate date) {
        return TenantContext.callAs(lgCode, InsuredRegister.ELIGIBILITY, () -> tx.execute(s -> register.daily(date)));
    }

    void nightly() {
        LocalDate today = LocalDate.now(JAPAN);
        for (Tenant t : tenants.all()) {
            if (t.state() != TenantState.LIVE) {
                continue;
            }
            try {
                InsuredRegister.DailyResult r = run(t.lgCode(), today);
                log.info("care daily {} {}: {} residents read, {} insured", t.lgCode(), today, r.residentsRead(), r.acquired());
            } catch (RuntimeException e) {
                log.error("care daily {} {} failed", t.lgCode(), today, e);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "kiban.care.daily.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final CareDailyJob job;

        Schedule(CareDailyJob job) {
            this.job = job;
        }

        @Scheduled(cron = "0 30 0 * * *", zone = "Asia/Tokyo")
        void nightly() {
            job.nightly();
        }
    }
}
