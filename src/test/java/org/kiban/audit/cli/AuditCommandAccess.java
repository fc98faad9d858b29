package org.kiban.audit.cli;

import org.springframework.context.ApplicationContext;

/** Runs {@code kiban audit verify --tenant …} as the command line does, inside the test's application. */
public final class AuditCommandAccess {

    private AuditCommandAccess() {
    }

    public static int verify(ApplicationContext context, String lgCode) {
        AuditCommand.Verify command = context.getBean(AuditCommand.Verify.class);
        command.tenant = lgCode;
        return command.call();
    }
}
