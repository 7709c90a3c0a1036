#pragma once

#include "core/io/TopologyFile.h"

#include <QtTest>

#include <algorithm>
#include <string>

/// A small valid topology used as the base of many tests; tests append or replace lines.
inline std::string baseTopology()
{
    return R"(firedrill: 1
name: Test
regions:
  - {id: weu, name: West Europe, pair: neu, zones: 3}
  - {id: neu, name: North Europe, pair: weu, zones: 3}
sites:
  - {id: office, name: Office, kind: on-premises}
components:
  - id: tm
    kind: traffic-manager
    routing: priority
    endpoints: [web-weu, web-neu]
  - {id: web-weu, kind: app-service, region: weu, instances: 2, depends_on: [db]}
  - {id: web-neu, kind: app-service, region: neu, instances: 2, depends_on: [db]}
  - id: db
    kind: sql-database
    replicas:
      - {id: db-weu, region: weu, role: primary}
      - {id: db-neu, region: neu, role: secondary, sync: asynchronous, lag: 5s}
  - {id: vpn, kind: vpn-gateway, between: [weu, office]}
workloads:
  - {id: shop, name: Shop, entry: tm, demand_rps: 100, write_fraction: 0.1, degradable: false}
policies:
  - {workload: shop, disruption: region, rto: 1h, rpo: 5m}
scenarios:
  - id: s1
    duration: 2h
    faults:
      - {at: 10m, target: region/weu, kind: outage, for: 1h}
)";
}

/// The diagnostics with a given code.
inline std::vector<firedrill::Diagnostic> withCode(const firedrill::LoadResult& r, const std::string& code)
{
    std::vector<firedrill::Diagnostic> out;
    std::copy_if(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(out),
                 [&](const firedrill::Diagnostic& d) { return d.code == code; });
    return out;
}

/// Every diagnostic as text, for failure messages.
inline QByteArray dump(const firedrill::LoadResult& r)
{
    std::string s;
    for (const auto& d : r.diagnostics)
        s += d.format() + "\n";
    return QByteArray::fromStdString(s);
}
