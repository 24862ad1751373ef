"""Check an administrative-boundary GeoJSON before it is stored (pure Python): what the map needs, nothing more."""
GEOMETRIES = {"Polygon", "MultiPolygon"}


def check_boundaries(document: object, key_property: str = "code") -> list[str]:
    """Problems with a FeatureCollection whose features carry `properties[key_property]`; [] when usable."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return ["Tệp không phải GeoJSON FeatureCollection / not a GeoJSON FeatureCollection"]
    features = document.get("features")
    if not isinstance(features, list) or not features:
        return ["FeatureCollection không có đối tượng nào / has no features"]
    problems, seen = [], set()
    for number, feature in enumerate(features, start=1):
        geometry = (feature or {}).get("geometry") or {}
        properties = (feature or {}).get("properties") or {}
        key = properties.get(key_property)
        if geometry.get("type") not in GEOMETRIES:
            problems.append(f"Đối tượng {number}: cần Polygon hoặc MultiPolygon / feature {number}: "
                            f"expected a Polygon or MultiPolygon")
        if not isinstance(key, str) or not key.strip():
            problems.append(f"Đối tượng {number}: thiếu thuộc tính “{key_property}” (mã đơn vị) / "
                            f"feature {number}: missing the “{key_property}” property (unit code)")
        elif key in seen:
            problems.append(f"Đối tượng {number}: mã {key} lặp lại / feature {number}: code {key} repeated")
        else:
            seen.add(key)
        if len(problems) >= 20:
            problems.append("… (dừng sau 20 lỗi / stopped after 20 problems)")
            break
    return problems
