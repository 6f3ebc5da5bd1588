-- TPC-H Q13, Customer Distribution; validation parameters: WORD1 = special,
-- WORD2 = requests. The derived table's columns are named inside it rather
-- than with a column alias list.
select
  c_count,
  count(*) as custdist
from
  (
    select
      c_custkey,
      count(o_orderkey) as c_count
    from
      customer
      left outer join orders on c_custkey = o_custkey and o_comment not like '%special%requests%'
    group by
      c_custkey
  ) as c_orders
group by
  c_count
order by
  custdist desc,
  c_count desc
