package com.slaledger.client;

import com.slaledger.platform.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.ZoneId;

@Entity
@Table(name = "client")
public class Client extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
    public Long id;

    @Column(nullable = false, length = 64)
    public String key;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "account_manager", length = 200)
    public String accountManager;

    /** The user who looks after this client; an account manager sees only their own clients. */
    @Column(name = "account_manager_username", length = 100)
    public String accountManagerUsername;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone = "UTC";

    @Column(nullable = false)
    public boolean active = true;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
