#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "catalog/catalog.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {
namespace fs = std::filesystem;

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ls_catalog_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string ErrorClass(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const UserError& e) {
      return e.error_class();
    }
    return "no error";
  }

  CatalogTable Table(const std::string& db, const std::string& name) {
    CatalogTable t;
    t.database = db;
    t.name = name;
    t.format = "parquet";
    t.schema = Schema::ParseDdl("id BIGINT NOT NULL, name STRING, tags ARRAY<STRING>");
    t.partition_columns = {"name"};
    t.options = {{"compression", "zstd"}};
    return t;
  }

  fs::path dir_;
};

TEST_F(CatalogTest, TablesAndDatabasesSurviveANewCatalogOverTheSameWarehouse) {
  {
    Catalog catalog(dir_.string());
    catalog.CreateDatabase({"Sales", "", "numbers"}, false);
    auto t = Table("sales", "Orders");
    t.location = catalog.DefaultTableLocation("sales", "orders");
    catalog.CreateTable(t, false, false);
  }
  Catalog reopened(dir_.string());
  EXPECT_EQ(reopened.ListDatabases(), (std::vector<std::string>{"default", "sales"}));
  auto t = reopened.GetTable("SALES", "orders");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->name, "orders");
  EXPECT_EQ(t->schema->ToString(), "struct<id:bigint,name:string,tags:array<string>>");
  EXPECT_FALSE(t->schema->field(0).nullable);
  EXPECT_EQ(t->partition_columns, std::vector<std::string>{"name"});
  EXPECT_EQ(t->options.at("compression"), "zstd");
  EXPECT_EQ(t->location, (dir_ / "sales.db" / "orders").string());
}

TEST_F(CatalogTest, ErrorsUseSparkErrorClasses) {
  Catalog catalog(dir_.string());
  catalog.CreateTable(Table("default", "t"), false, false);
  EXPECT_EQ(ErrorClass([&] { catalog.CreateTable(Table("default", "T"), false, false); }), "TABLE_OR_VIEW_ALREADY_EXISTS");
  EXPECT_FALSE(catalog.CreateTable(Table("default", "t"), true, false)) << "IF NOT EXISTS keeps the old table";
  EXPECT_EQ(ErrorClass([&] { catalog.DropTable("default", "missing", false); }), "TABLE_OR_VIEW_NOT_FOUND");
  EXPECT_EQ(ErrorClass([&] { catalog.DropTable("default", "missing", true); }), "no error");
  EXPECT_EQ(ErrorClass([&] { catalog.CreateTable(Table("nodb", "t"), false, false); }), "SCHEMA_NOT_FOUND");
  catalog.CreateDatabase({"db1", "", ""}, false);
  EXPECT_EQ(ErrorClass([&] { catalog.CreateDatabase({"DB1", "", ""}, false); }), "SCHEMA_ALREADY_EXISTS");
  catalog.CreateTable(Table("db1", "t"), false, false);
  EXPECT_EQ(ErrorClass([&] { catalog.DropDatabase("db1", false, false); }), "SCHEMA_NOT_EMPTY");
  catalog.DropDatabase("db1", false, true);
  EXPECT_FALSE(catalog.DatabaseExists("db1"));
}

TEST_F(CatalogTest, DroppingAManagedTableDeletesItsData) {
  Catalog catalog(dir_.string());
  auto t = Table("default", "m");
  t.location = catalog.DefaultTableLocation("default", "m");
  fs::create_directories(t.location);
  catalog.CreateTable(t, false, false);
  auto ext = Table("default", "e");
  ext.type = CatalogTable::Type::kExternal;
  ext.location = (dir_ / "external_data").string();
  fs::create_directories(ext.location);
  catalog.CreateTable(ext, false, false);
  catalog.DropTable("default", "m", false);
  catalog.DropTable("default", "e", false);
  EXPECT_FALSE(fs::exists(t.location));
  EXPECT_TRUE(fs::exists(ext.location)) << "external data is never deleted";
}

TEST_F(CatalogTest, IndexNamesAreMetadataThatSurvivesAndDiesWithItsTable) {
  {
    Catalog catalog(dir_.string());
    catalog.CreateTable(Table("default", "t1"), false, false);
    catalog.CreateTable(Table("default", "t2"), false, false);
    EXPECT_TRUE(catalog.CreateIndex("default", "t1", "T1I1", {"id", "name"}, false));
    EXPECT_EQ(ErrorClass([&] { catalog.CreateIndex("default", "t2", "t1i1", {"id"}, false); }), "INDEX_ALREADY_EXISTS");
    EXPECT_FALSE(catalog.CreateIndex("default", "t2", "t1i1", {"id"}, true)) << "IF NOT EXISTS keeps the old index";
    EXPECT_EQ(ErrorClass([&] { catalog.CreateIndex("default", "nope", "x", {"id"}, false); }),
              "TABLE_OR_VIEW_NOT_FOUND");
    catalog.CreateIndex("default", "t2", "t2i1", {"id"}, false);
  }
  Catalog reopened(dir_.string());
  EXPECT_EQ(reopened.GetTable("default", "t1")->indexes.at("t1i1"), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(ErrorClass([&] { reopened.DropIndex("default", "t1", "t2i1", false); }), "INDEX_NOT_FOUND")
      << "ON t1 looks at t1 only";
  EXPECT_TRUE(reopened.DropIndex("default", "", "t2i1", false));
  EXPECT_FALSE(reopened.DropIndex("default", "", "t2i1", true));
  EXPECT_EQ(ErrorClass([&] { reopened.DropIndex("default", "", "t2i1", false); }), "INDEX_NOT_FOUND");
  reopened.DropTable("default", "t1", false);
  EXPECT_EQ(ErrorClass([&] { reopened.DropIndex("default", "", "t1i1", false); }), "INDEX_NOT_FOUND");
  EXPECT_TRUE(reopened.CreateIndex("default", "t2", "t1i1", {"id"}, false)) << "the name is free again";
}

TEST_F(CatalogTest, ACorruptCatalogFileIsAClearError) {
  { Catalog catalog(dir_.string()); }
  std::ofstream(dir_ / "_catalog" / "default.json") << "{not json";
  EXPECT_EQ(ErrorClass([&] { Catalog c(dir_.string()); }), "CATALOG_CORRUPT");
}

}  // namespace
}  // namespace lakestream
