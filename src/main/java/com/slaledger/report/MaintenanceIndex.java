package com.slaledger.report;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Announced maintenance windows, indexed by whom they concern: everyone, named clients, or named services
 * (which concern every client whose contract covers one of them).
 */
final class MaintenanceIndex {

    private final List<TimeWindow> forEveryone = new ArrayList<>();
    private final Map<String, List<TimeWindow>> byClient = new HashMap<>();
    private final Map<String, List<TimeWindow>> byService = new HashMap<>();

    MaintenanceIndex(List<MaintenanceWindowResponse> announced) {
        for (MaintenanceWindowResponse window : announced) {
            if (!window.announced()) {
                continue;
            }
            TimeWindow period = TimeWindow.of(window.startsAt(), window.endsAt());
            switch (window.scope()) {
                case ALL_CLIENTS -> forEveryone.add(period);
                case CLIENTS -> window.clients().forEach(client ->
                        byClient.computeIfAbsent(client, k -> new ArrayList<>()).add(period));
                case SERVICES -> window.services().forEach(service ->
                        byService.computeIfAbsent(service, k -> new ArrayList<>()).add(period));
            }
        }
    }

    /**
     * The client's maintenance under a contract covering {@code coveredServices}. A window may appear twice
     * (naming two covered services); the analytics core takes the union, so it still counts once.
     */
    List<TimeWindow> forClient(String clientKey, Collection<String> coveredServices) {
        List<TimeWindow> windows = new ArrayList<>(forEveryone);
        windows.addAll(byClient.getOrDefault(clientKey, List.of()));
        coveredServices.forEach(service -> windows.addAll(byService.getOrDefault(service, List.of())));
        return windows;
    }
}
