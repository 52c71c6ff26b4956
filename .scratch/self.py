import json,sys,collections
p=json.load(open(sys.argv[1]))
nodes={n['id']:n for n in p['nodes']}
dt=collections.Counter()
for s,d in zip(p['samples'],p['timeDeltas']): dt[s]+=d
tot=collections.Counter()
for i,t in dt.items():
  cf=nodes[i]['callFrame']; tot[(cf['functionName'] or '(anon)')+' '+cf['url'].split('/')[-1]+':'+str(cf['lineNumber'])]+=t
T=sum(tot.values())
for k,v in tot.most_common(30): print(f"{v/1000:8.0f}ms {100*v/T:5.1f}% {k}")
print("total", T/1000)
