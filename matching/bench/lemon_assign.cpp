// lemon_assign: the assignment benchmark instances solved with LEMON's min
// cost flow solvers, as a peer for matching.Assign. The network is the one
// matching.Assign solves: candidate → placement (capacity 1, cost −score),
// placement → sink (capacity = free seats), candidate → sink (capacity 1,
// cost 0: unassigned); every candidate supplies one unit.
//
// One warm-up run, then the median of RUNS runs; each run builds the graph
// from the pairs as read and solves it, like matching.Assign does.
//
//   g++ -O2 -o lemon_assign lemon_assign.cpp
//   ./lemon_assign [ns|cs] RUNS FILE...
//
// Prints "RESULT lemon-ns NAME total=T median_ms=M min_ms=M run_only_median_ms=R"
// per file, where R times the solver's run() without building the graph.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace lemon;

struct Instance {
    int n = 0, m = 0;
    std::vector<int> seats;
    std::vector<int> cand, place, score;
};

static bool readInstance(const char* path, Instance& in) {
    FILE* f = std::fopen(path, "r");
    if (!f) return false;
    int k = 0;
    if (std::fscanf(f, "%d %d %d", &in.n, &in.m, &k) != 3) return false;
    in.seats.resize(in.m);
    for (int j = 0; j < in.m; j++)
        if (std::fscanf(f, "%d", &in.seats[j]) != 1) return false;
    in.cand.resize(k);
    in.place.resize(k);
    in.score.resize(k);
    for (int i = 0; i < k; i++)
        if (std::fscanf(f, "%d %d %d", &in.cand[i], &in.place[i], &in.score[i]) != 3) return false;
    std::fclose(f);
    return true;
}

// solveOnce builds and solves the network; runMs gets the time of the
// solver's run() alone.
template <typename Solver>
static long long solveOnce(const Instance& in, double& runMs) {
    SmartDigraph g;
    g.reserveNode(in.n + in.m + 1);
    g.reserveArc(in.cand.size() + in.m + in.n);
    std::vector<SmartDigraph::Node> cn(in.n), pn(in.m);
    for (auto& v : cn) v = g.addNode();
    for (auto& v : pn) v = g.addNode();
    SmartDigraph::Node sink = g.addNode();
    SmartDigraph::ArcMap<int> cap(g);
    SmartDigraph::ArcMap<long long> cost(g);
    SmartDigraph::NodeMap<int> supply(g, 0);
    for (size_t i = 0; i < in.cand.size(); i++) {
        auto a = g.addArc(cn[in.cand[i]], pn[in.place[i]]);
        cap[a] = 1;
        cost[a] = -in.score[i];
    }
    for (int j = 0; j < in.m; j++) {
        auto a = g.addArc(pn[j], sink);
        cap[a] = in.seats[j];
        cost[a] = 0;
    }
    for (int c = 0; c < in.n; c++) {
        auto a = g.addArc(cn[c], sink);
        cap[a] = 1;
        cost[a] = 0;
        supply[cn[c]] = 1;
    }
    supply[sink] = -in.n;
    Solver s(g);
    s.upperMap(cap).costMap(cost).supplyMap(supply);
    auto t0 = std::chrono::steady_clock::now();
    auto status = s.run();
    runMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (status != Solver::OPTIMAL) {
        std::fprintf(stderr, "lemon_assign: not optimal\n");
        std::exit(1);
    }
    return -s.template totalCost<long long>();
}

template <typename Solver>
static void bench(const char* label, const char* path, int runs) {
    Instance in;
    if (!readInstance(path, in)) {
        std::fprintf(stderr, "lemon_assign: cannot read %s\n", path);
        std::exit(1);
    }
    double runMs = 0;
    long long total = solveOnce<Solver>(in, runMs);  // warm-up
    std::vector<double> ms, runOnly;
    for (int r = 0; r < runs; r++) {
        auto t0 = std::chrono::steady_clock::now();
        long long t = solveOnce<Solver>(in, runMs);
        auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        runOnly.push_back(runMs);
        if (t != total) {
            std::fprintf(stderr, "lemon_assign: total changed\n");
            std::exit(1);
        }
    }
    std::sort(ms.begin(), ms.end());
    std::sort(runOnly.begin(), runOnly.end());
    std::string name(path);
    name = name.substr(name.find_last_of('/') + 1);
    name = name.substr(0, name.rfind(".txt"));
    std::printf("RESULT %s %s total=%lld median_ms=%.3f min_ms=%.3f run_only_median_ms=%.3f\n", label,
                name.c_str(), total, ms[ms.size() / 2], ms[0], runOnly[runOnly.size() / 2]);
    std::fflush(stdout);
}

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: lemon_assign ns|cs RUNS FILE...\n");
        return 2;
    }
    std::string algo = argv[1];
    int runs = std::max(3, std::atoi(argv[2]));
    for (int i = 3; i < argc; i++) {
        if (algo == "ns")
            bench<NetworkSimplex<SmartDigraph, int, long long>>("lemon-ns", argv[i], runs);
        else
            bench<CostScaling<SmartDigraph, int, long long>>("lemon-cs", argv[i], runs);
    }
    return 0;
}
