package com.slaledger.analytics;

public enum TrendVerdict {
    IMPROVING,
    WORSENING,
    NO_SIGNIFICANT_CHANGE
}
