package com.slaledger.incident;

public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
