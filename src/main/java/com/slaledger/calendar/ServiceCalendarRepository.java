package com.slaledger.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ServiceCalendarRepository implements PanacheRepository<ServiceCalendar> {

    public Optional<ServiceCalendar> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<ServiceCalendar> listOrdered() {
        return list("order by key");
    }

    public List<ServiceCalendar> findByKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("key in ?1", keys);
    }
}
