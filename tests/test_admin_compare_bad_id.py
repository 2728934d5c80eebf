"""The history's comparison page of a statement whose id in the address is not a number is a
404, as the admin's other pages answer, never a server error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("object_id", ["abc", "%C3%A9", "1x", "%EF%BC%91"])
def test_comparing_versions_of_a_statement_whose_id_is_not_a_number_is_a_404(admin_client, object_id):
    response = admin_client.get(f"/admin/archive/statement/{object_id}/history/compare/")
    assert response.status_code == 404
