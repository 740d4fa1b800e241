/** Services: the things that can fail ({@code api}, {@code checkout}, {@code db}), which contracts cover and incidents affect. */
package com.slaledger.service;
