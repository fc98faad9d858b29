package org.kiban.audit.cli;

import java.util.concurrent.Callable;

import org.kiban.audit.AuditEvent;
import org.kiban.audit.AuditTrail;
import org.kiban.audit.ChainVerification;
import org.kiban.common.LgCode;
import org.kiban.platform.Actor;
import org.kiban.platform.CliCommand;
import org.kiban.platform.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiban audit verify --tenant 141003}: checks a tenant's audit chain; exit code 1 if it is broken. */
@Component
@Command(name = "audit", description = "監査ログ", subcommands = AuditCommand.Verify.class)
class AuditCommand implements CliCommand {

    @Component
    @Command(name = "verify", description = "監査ログのハッシュチェーンを検証します（改ざん・削除があれば終了コード1）")
    static class Verify implements Callable<Integer> {

        @Option(names = "--tenant", required = true, description = "全国地方公共団体コード（6桁）")
        String tenant;

        private final AuditTrail audit;
        private final TransactionTemplate tx;

        Verify(AuditTrail audit, TransactionTemplate tx) {
            this.audit = audit;
            this.tx = tx;
        }

        @Override
        public Integer call() {
            String lgCode = LgCode.of(tenant).value();
            ChainVerification result = TenantContext.callAs(lgCode, Actor.system("audit-verify"), () -> tx.execute(s -> {
                ChainVerification r = audit.verify();
                audit.record(AuditEvent.of("audit.verified", "audit", lgCode,
                        java.util.Map.of("intact", r.intact(), "entriesChecked", r.entriesChecked(), "via", "cli")));
                return r;
            }));
            if (result.intact()) {
                System.out.printf("OK %s: %d 件の記録を検証しました（最新 番号 %d）。改ざん・削除はありません。%n",
                        lgCode, result.entriesChecked(), result.lastSeq());
                return 0;
            }
            System.out.printf("NG %s: %s（番号 %d）%n", lgCode, result.reason(), result.brokenAtSeq());
            return 1;
        }
    }
}
