package org.kiban.tenancy;

/** Whether this deployment runs in demo mode (demo municipalities and accounts; never in production). */
public interface DeploymentMode {

    boolean demo();
}
